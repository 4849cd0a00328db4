using System.Globalization;
using CityScreen.Domain.Index;
using CityScreen.Domain.Rollups;
using CityScreen.Storage.Rollups;
using Microsoft.Extensions.Logging;

namespace CityScreen.Jobs.History;

/// <summary>
/// The demo's history at its first start: rollups simulated for the days before the simulator's
/// backfill, so that the index has <see cref="JobsOptions.SimulatedHistoryDays"/> days of history
/// (each with a full 30-day window behind it) within minutes, instead of storing months of
/// simulated events. Those days are marked simulated in <c>rollup_days</c>, in every rollup and in
/// every index computed from them; no case event stands behind them, so late cases never touch them.
/// Seeded once per store (the <c>history.simulated</c> setting says when and which days).
/// </summary>
public sealed class SimulatedHistory(IndexModel model, CityLeaves leaves, IRollupStore rollups, RollupRules rules, int days, ILogger logger)
{
    public const string SeededKey = "history.simulated";
    public const string IndexFromKey = "index.from";

    /// <summary>Leaf days written per transaction.</summary>
    private const int DaysPerCommit = 8;

    /// <summary>Whether the store already has its simulated history (or was once offered one).</summary>
    public async Task<bool> IsSeededAsync(CancellationToken cancellationToken) =>
        await rollups.GetSettingAsync(SeededKey, cancellationToken) is not null;

    /// <summary>
    /// Simulates the days from <paramref name="today"/> − <c>days</c> − 29 up to the day before the
    /// first real day with a case, calibrated on the last real day (the first one is partial: the
    /// backfill starts at some hour of it). Returns the first date the index history should start
    /// from, or null when there is nothing to calibrate on yet.
    /// </summary>
    public async Task<DateOnly?> SeedAsync(DateOnly today, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var rolled = await rollups.RolledUpDaysAsync(cancellationToken);
        var real = rolled.Where(d => !d.Simulated).Select(d => d.Date).ToList();
        if (real.Count == 0)
        {
            logger.LogWarning("Simulated history: no real day rolled up yet to calibrate on; trying again next run");
            return null;
        }
        var calibrationDay = real[^1];
        var calibration = new List<DailyRollup>();
        await foreach (var r in rollups.ReadAsync(calibrationDay, calibrationDay, cancellationToken)) calibration.Add(r);

        var indexFrom = today.AddDays(-days);
        var window = model.Inputs.Where(i => i.WindowDays is <= 31).Select(i => i.WindowDays!.Value).DefaultIfEmpty(1).Max();
        var first = indexFrom.AddDays(1 - window);
        var last = (await FirstDayWithCasesAsync(real[0], calibrationDay, cancellationToken) ?? real[0]).AddDays(-1);
        var simulated = new List<DateOnly>();
        for (var d = first; d <= last; d = d.AddDays(1)) simulated.Add(d);

        logger.LogInformation("Simulated history: {Days} days {From:yyyy-MM-dd}..{To:yyyy-MM-dd} for {Leaves} leaves, calibrated on {Calibration:yyyy-MM-dd}",
            simulated.Count, first, last, leaves.All.Count, calibrationDay);
        var communities = leaves.All.ToDictionary(l => l.Id, l => CommunityCharacter.CommunityOf(leaves.Tree, l.Id), StringComparer.Ordinal);
        var characters = communities.Values.Distinct(StringComparer.Ordinal)
            .ToDictionary(c => c, c => CommunityCharacter.Of(c, simulated.Count), StringComparer.Ordinal);
        var generator = new SimulatedRollups(leaves.All, calibration, rules, seed: today.DayNumber, l => characters[communities[l.Id]], first);
        for (var i = 0; i < simulated.Count; i += DaysPerCommit)
        {
            var chunk = simulated.Skip(i).Take(DaysPerCommit).ToList();
            var registries = new Dictionary<(string, DateOnly), DailyRollup>();
            if (chunk[^1] >= real[0])
                await foreach (var r in rollups.ReadAsync(chunk[0], chunk[^1], cancellationToken)) registries[(r.LeafId, r.Date)] = r;
            await rollups.SaveAsync(chunk.SelectMany(generator.Day).Select(r => Over(r, registries.GetValueOrDefault((r.LeafId, r.Date)))).ToList(), cancellationToken);
            await rollups.MarkRolledUpAsync(chunk, simulated: true, at, cancellationToken);
            logger.LogInformation("Simulated history: {Done}/{Total} days", Math.Min(i + DaysPerCommit, simulated.Count), simulated.Count);
        }

        var from = simulated.Count > 0 ? indexFrom : real[0];
        await rollups.SetSettingAsync(IndexFromKey, Iso(from), cancellationToken);
        await rollups.SetSettingAsync(SeededKey, simulated.Count > 0 ? $"{Iso(first)}..{Iso(last)}" : "none", cancellationToken);
        return from;
    }

    /// <summary>
    /// The first day from <paramref name="from"/> on which a leaf reported a case, or null. The
    /// demo backfills its registries (members, units, needs, projects) over half a year of events
    /// but its cases over two days only: the days between hold registry events alone, so they are
    /// simulated like the days before them, else the trends and the index would see months
    /// without a case.
    /// </summary>
    private async Task<DateOnly?> FirstDayWithCasesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        DateOnly? first = null;
        await foreach (var r in rollups.ReadAsync(from, to, cancellationToken))
            if (r.Count(RollupInputs.CasesReported) > 0 && (first is null || r.Date < first)) first = r.Date;
        return first;
    }

    /// <summary>A simulated day over the registry events' own rollup of that day: what the simulation draws wins, the rest is kept.</summary>
    private static DailyRollup Over(DailyRollup simulated, DailyRollup? registries) => registries is null ? simulated : simulated with
    {
        Counts = registries.Counts.Where(c => !simulated.Counts.ContainsKey(c.Key)).Concat(simulated.Counts).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
        Sets = registries.Sets.Where(c => !simulated.Sets.ContainsKey(c.Key)).Concat(simulated.Sets).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
