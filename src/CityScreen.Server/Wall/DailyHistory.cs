using CityScreen.Areas;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Rollups;
using CityScreen.Domain.Time;
using CityScreen.Storage.Rollups;

namespace CityScreen.Server.Wall;

/// <summary>
/// Cases reported and closed per day, per area, on the days before the events at hand: the demo's
/// simulated history, which exists only as daily rollups (no event stands behind it, so the live
/// ledger's daily buckets are zero there). The 30-day trends and <c>series</c> of
/// <c>GET /api/areas/{id}</c> take those days from here. The rollups are read once per local day
/// for every area at once (leaves summed up the tree), never per request or per event.
/// </summary>
public sealed class DailyHistory(AreaTree tree, IRollupStore rollups, CityClock clock, ILogger<DailyHistory> logger)
{
    /// <summary>One area's counts, one per day from <see cref="First"/>; only those of <see cref="Days"/> come from the rollups.</summary>
    public sealed record AreaDays(DateOnly First, IReadOnlySet<DateOnly> Days, int[] Reported, int[] Closed);

    /// <summary>The daily series with the rollup days filled in; <see cref="FromRollupsUntil"/> is the last day taken from the rollups, or null.</summary>
    public sealed record Filled(int[] Reported, int[] Closed, DateOnly? FromRollupsUntil);

    private sealed record Loaded(DateOnly Today, DateTimeOffset At, Dictionary<string, AreaDays> Areas);

    /// <summary>
    /// How soon a reading that found no simulated days is repeated: the demo seeds its history a
    /// little after the first start, and then the whole history is read once more.
    /// </summary>
    private static readonly TimeSpan RetryEmptyAfter = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private Loaded? _loaded;
    private Task<Loaded>? _loading;
    private DateOnly _loadingFor;

    /// <summary>Raised once a day's history has been read, so that pictures drawn without it are drawn again.</summary>
    public long Version { get; private set; }

    /// <summary>The area's rollup days, reading the rollups first if today's are not read yet; null also when they cannot be read (logged).</summary>
    public async Task<AreaDays?> ForAsync(string areaId, CancellationToken cancellationToken = default)
    {
        var loading = LoadAsync();
        await ((Task)loading).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
        return loading.IsCompletedSuccessfully ? loading.Result.Areas.GetValueOrDefault(areaId) : null;
    }

    /// <summary>
    /// The area's rollup days if today's are read, else null (and their reading starts): for
    /// synchronous drawing, which must not wait on the store.
    /// </summary>
    public AreaDays? Peek(string areaId)
    {
        var task = LoadAsync();
        return task.IsCompletedSuccessfully ? task.Result.Areas.GetValueOrDefault(areaId) : null;
    }

    /// <summary>Puts the rollup days into the live daily buckets (ending at <see cref="IndicatorValues.DayAnchor"/>): those days have no events behind them.</summary>
    public static Filled Fill(IndicatorValues v, AreaDays? days)
    {
        if (days is null) return new(v.ReportedDaily, v.ClosedDaily, null);
        var reported = (int[])v.ReportedDaily.Clone();
        var closed = (int[])v.ClosedDaily.Clone();
        DateOnly? until = null;
        for (var i = 0; i < reported.Length; i++)
        {
            var date = v.DayAnchor.AddDays(i - (reported.Length - 1));
            if (!days.Days.Contains(date)) continue;
            var k = date.DayNumber - days.First.DayNumber;
            reported[i] = days.Reported[k];
            closed[i] = days.Closed[k];
            until = date;
        }
        return new(reported, closed, until);
    }

    private Task<Loaded> LoadAsync()
    {
        var today = clock.LocalDate(clock.Now);
        lock (_gate)
        {
            var current = _loaded?.Today == today && (_loaded.Areas.Count > 0 || clock.Now - _loaded.At < RetryEmptyAfter);
            if (current) return Task.FromResult(_loaded!);
            if (_loading is null || _loadingFor != today || _loading.IsCompleted)
            {
                _loadingFor = today;
                _loading = Task.Run(() => ReadAsync(today));
            }
            return _loading;
        }
    }

    private async Task<Loaded> ReadAsync(DateOnly today)
    {
        try
        {
            var first = today.AddDays(1 - IndicatorValues.Days);
            // Only simulated days: no event stands behind them, while the ledger holds the events of the others.
            var days = await rollups.RolledUpDaysAsync();
            var simulated = days.Where(d => d.Simulated && d.Date >= first && d.Date <= today).Select(d => d.Date).ToList();
            var areas = new Dictionary<string, AreaDays>(StringComparer.Ordinal);
            if (simulated.Count > 0)
            {
                var from = simulated[0];
                var until = simulated[^1];
                var length = until.DayNumber - from.DayNumber + 1;
                var set = simulated.ToHashSet();
                AreaDays Of(Area a) => areas.TryGetValue(a.Id, out var d) ? d : areas[a.Id] = new(from, set, new int[length], new int[length]);
                await foreach (var r in rollups.ReadAsync(from, until))
                {
                    if (!tree.TryGet(r.LeafId, out var leaf)) continue;
                    var reported = (int)r.Count(RollupInputs.CasesReported);
                    var closed = (int)r.Count(RollupInputs.CasesClosed);
                    var k = r.Date.DayNumber - from.DayNumber;
                    foreach (var area in tree.Ancestors(leaf.Id).Prepend(leaf))
                    {
                        var d = Of(area);
                        d.Reported[k] += reported;
                        d.Closed[k] += closed;
                    }
                }
            }
            var loaded = new Loaded(today, clock.Now, areas);
            lock (_gate)
            {
                _loaded = loaded;
                Version++;
            }
            logger.LogInformation("Daily history: {Days} simulated days read from the rollups for {Areas} areas", simulated.Count, areas.Count);
            return loaded;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Daily history: the rollups could not be read; the trends show the events at hand only");
            throw;
        }
    }
}
