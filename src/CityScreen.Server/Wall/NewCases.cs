using CityScreen.Areas;
using CityScreen.Contracts.Indicators;
using CityScreen.Server.Feed;

namespace CityScreen.Server.Wall;

/// <summary>
/// Every case reported lately, per grid, for the map's pulsing markers. The alerts carry only
/// major, critical and overdue cases, so this watches the grids' snapshots instead: a grid whose
/// count of today's reports grows has new cases, marked at the grid's centre. The first snapshot of
/// a grid is only a baseline (a start or a replay is not news), and the list is bounded in time and
/// length, so a wall left on for weeks keeps a constant memory.
/// </summary>
public sealed class NewCases : IDisposable
{
    public const int MaxKept = 500;
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(2);

    private readonly Dictionary<string, (DateOnly Day, long Reported)> _baseline = new(StringComparer.Ordinal);
    private readonly LinkedList<NewCase> _recent = new();
    private readonly List<IDisposable> _watches = [];

    public NewCases(AreaTree tree, ScreenFeed feed)
    {
        foreach (var leaf in tree.Leaves)
        {
            // What the host already holds is the baseline: a grid's next report is news even if it
            // comes before the grid publishes anything else (a grid reports every few minutes at most).
            if (feed.Latest(leaf.Id) is { } known) Offer(known);
            _watches.Add(feed.Watch(leaf.Id, Offer));
        }
    }

    /// <summary>Takes note of a leaf's snapshot; a grown count of today's reports is that many new cases.</summary>
    public void Offer(IndicatorSnapshot s)
    {
        var day = s.Values.DayAnchor;
        var reported = s.Values[Counter.ReportedToday];
        lock (_recent)
        {
            var known = _baseline.TryGetValue(s.AreaId, out var b);
            _baseline[s.AreaId] = (day, reported);
            if (!known || b.Day != day || reported <= b.Reported) return;
            _recent.AddFirst(new NewCase(s.AreaId, s.At, (int)(reported - b.Reported)));
            while (_recent.Count > MaxKept || (_recent.Last is { } last && s.At - last.Value.At > KeptFor)) _recent.RemoveLast();
        }
    }

    /// <summary>The cases reported since <paramref name="since"/>, newest first.</summary>
    public IReadOnlyList<NewCase> Since(DateTimeOffset since)
    {
        lock (_recent) return _recent.TakeWhile(c => c.At >= since).ToList();
    }

    public void Dispose()
    {
        foreach (var w in _watches) w.Dispose();
    }
}

/// <summary><see cref="Count"/> cases reported in a grid, seen at <see cref="At"/>.</summary>
public sealed record NewCase(string GridId, DateTimeOffset At, int Count);
