using System.Globalization;
using CityScreen.Domain.Index;
using CityScreen.Domain.Time;
using CityScreen.Jobs.History;
using CityScreen.Jobs.Indices;
using CityScreen.Jobs.Rollups;
using CityScreen.Storage.Indices;
using CityScreen.Storage.Rollups;

namespace CityScreen.Jobs;

/// <summary>
/// One run of the development index: every night since the last one computed up to yesterday
/// (the city's clock, never the machine's), each once, plus the nights whose rollups late events
/// or a manual recompute changed. Running it again with nothing new changes nothing, so Hangfire's
/// at-least-once delivery cannot double-count.
/// </summary>
public sealed class IndexCatchUp(
    IndexModel model,
    CityClock clock,
    RollupRefresher refresher,
    IndexComputation computation,
    IRollupStore rollups,
    IIndexStore indices,
    SimulatedHistory? history)
{
    /// <param name="forced">Dates to recompute from their events whatever their state (the manual trigger).</param>
    public async Task<IndexRunResult> RunAsync(DateRange? forced, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var today = clock.LocalDate(now);
        var upTo = today.AddDays(-1);
        var refresh = await refresher.RefreshAsync(upTo, forced, now, cancellationToken);

        var lastIndexed = await indices.LastDateAsync(model.Version, cancellationToken);
        if (history is not null && lastIndexed is null && !await history.IsSeededAsync(cancellationToken))
            await history.SeedAsync(today, now, cancellationToken);

        var rolled = await rollups.RolledUpDaysAsync(cancellationToken);
        if (rolled.Count == 0) return new IndexRunResult(upTo, refresh.NewDays, refresh.EarliestChanged, []);

        DateOnly from;
        if (lastIndexed is { } last)
        {
            from = last.AddDays(1);
            if (refresh.EarliestChanged is { } changed && changed < from) from = changed;
            if (forced is { } f && f.From < from) from = f.From;
        }
        else
        {
            from = DateOnly.TryParseExact(await rollups.GetSettingAsync(SimulatedHistory.IndexFromKey, cancellationToken), "yyyy-MM-dd",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ? start : rolled[0].Date;
        }
        if (from < rolled[0].Date) from = rolled[0].Date;
        var to = rolled[^1].Date < upTo ? rolled[^1].Date : upTo;

        var dates = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1)) dates.Add(d);
        await computation.ComputeAsync(dates, now, cancellationToken);
        return new IndexRunResult(upTo, refresh.NewDays, refresh.EarliestChanged, dates);
    }
}
