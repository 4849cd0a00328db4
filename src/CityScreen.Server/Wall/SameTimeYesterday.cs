using System.Collections.Concurrent;
using CityScreen.Areas;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Time;
using CityScreen.Server.Feed;

namespace CityScreen.Server.Wall;

/// <summary>
/// What every indicator of an area was yesterday at this time, for the flip counters' "较昨日".
/// The live values carry hourly buckets only for reports, so the host samples every indicator of
/// the areas a wall compares once a minute and keeps the first sample of every quarter hour for a
/// day and a bit; yesterday's value is read between the two quarter hours around the same time.
/// The samples live in memory: a host that started less than a day ago has no yesterday yet for
/// the indicators without buckets, and the counters then show only their value.
/// </summary>
public sealed class SameTimeYesterday(AreaTree tree, ScreenFeed feed, CityClock clock) : BackgroundService
{
    public static readonly TimeSpan Slot = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMinutes(1);
    // A day of quarter hours, the one being interpolated into and a spare: the ring never grows.
    private const int SlotsKept = 24 * 4 + 2;
    // Grids are sampled too while the city is small; a megacity's tens of thousands of grids
    // would cost tens of megabytes for counters nobody opens, so then only the levels above are.
    private const int MaxAreasWithGrids = 2000;

    private readonly ConcurrentDictionary<string, Sample[]> _rings = new(StringComparer.Ordinal);

    /// <summary>The areas sampled: every area above the grids, and the grids too in a city of up to 2,000 areas.</summary>
    public IEnumerable<Area> Sampled => tree.Count <= MaxAreasWithGrids ? tree.All : tree.All.Where(a => a.ChildIds.Count > 0);

    /// <summary>Takes note of an area's values at <paramref name="at"/>; only the first note of each quarter hour is kept.</summary>
    public void Record(string areaId, DateTimeOffset at, IndicatorValues values)
    {
        var slot = SlotOf(at);
        var ring = _rings.GetOrAdd(areaId, _ => new Sample[SlotsKept]);
        lock (ring)
        {
            ref var entry = ref ring[(int)(slot % SlotsKept)];
            if (entry.Slot == slot && entry.Values is not null) return;
            entry = new Sample(slot, at, IndicatorCatalog.All.Select(d => (float)(d.ValueOf(values) ?? double.NaN)).ToArray());
        }
    }

    /// <summary>The indicator's value 24 hours before <paramref name="now"/>, or null when the host has no sample of then.</summary>
    public double? Yesterday(string areaId, IndicatorDefinition definition, DateTimeOffset now)
    {
        if (!_rings.TryGetValue(areaId, out var ring)) return null;
        var then = now - TimeSpan.FromDays(1);
        var index = IndexOf(definition);
        var slot = SlotOf(then);
        Sample before, after;
        lock (ring)
        {
            before = ring[(int)(slot % SlotsKept)];
            after = ring[(int)((slot + 1) % SlotsKept)];
        }
        if (before.Slot != slot || before.Values is null || float.IsNaN(before.Values[index])) return null;
        double a = before.Values[index];
        if (after.Slot != slot + 1 || after.Values is null || float.IsNaN(after.Values[index]) || after.At <= before.At) return a;
        // Between the two samples around "then": a count grows through the quarter hour.
        var share = Math.Clamp((then - before.At) / (after.At - before.At), 0, 1);
        return a + (after.Values[index] - a) * share;
    }

    public void SampleNow()
    {
        var now = clock.Now;
        foreach (var area in Sampled)
            if (feed.Latest(area.Id) is { } s)
                Record(area.Id, now, s.Values);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SampleEvery, clock.Time);
        do SampleNow();
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static long SlotOf(DateTimeOffset t) => t.UtcTicks / Slot.Ticks;

    private static int IndexOf(IndicatorDefinition d)
    {
        for (var i = 0; i < IndicatorCatalog.All.Count; i++)
            if (IndicatorCatalog.All[i].Id == d.Id) return i;
        throw new KeyNotFoundException($"indicator '{d.Id}' is not in the catalogue");
    }

    private record struct Sample(long Slot, DateTimeOffset At, float[]? Values);
}
