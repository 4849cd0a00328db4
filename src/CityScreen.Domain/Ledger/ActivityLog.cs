using CityScreen.Contracts.Events;
using static CityScreen.Contracts.Indicators.Counter;

namespace CityScreen.Domain.Ledger;

/// <summary>
/// The Party-building and service activities of one leaf (docs/domain.md §2, Activities). Like the
/// cases, each activity's share is kept summed once it cannot change for a while (its instant is
/// neither about to be reached nor about to leave the 30-day window), so a computation adds only
/// the fresh activities and those at the edge of the window; the sum is rebuilt at midnight,
/// when it runs out, and after pruning.
/// </summary>
public sealed class ActivityLog
{
    private static readonly TimeSpan Horizon = SettledCases.Horizon;
    private static readonly TimeSpan Margin = SettledCases.Margin;

    private readonly List<Activity> _items = [];
    private readonly Dictionary<string, (DateTimeOffset? ClaimedAt, DateTimeOffset? CompletedAt)> _projects = [];

    // The settled sum: valid for computations at instants in [_asOf, _until) while _valid.
    private bool _valid;
    private DateTimeOffset _asOf, _until;
    private int _examined;
    private readonly List<int> _unsettled = [];
    /// <summary>Settled check-ins today, volunteer centi-hours, points and meetings (30 days), in that order.</summary>
    private readonly long[] _sum = new long[4];
    private readonly Dictionary<string, int> _serving = new(StringComparer.Ordinal);
    private readonly HashSet<string> _servingFresh = new(StringComparer.Ordinal);

    private enum Kind : byte { Checkin, Volunteering, Points, Meeting }

    private readonly record struct Activity(Kind Kind, DateTimeOffset At, string? MemberId, long Amount);

    /// <summary>The types this log keeps (the activities of docs/domain.md §2 before the registries of §9).</summary>
    public static bool Keeps(string type) => type is EventTypes.MemberCheckin or EventTypes.VolunteerLogged or EventTypes.PointsAwarded
        or EventTypes.MeetingHeld or EventTypes.ProjectClaimed or EventTypes.ProjectCompleted;

    public void Apply(CityEvent e)
    {
        switch (e.Type)
        {
            case EventTypes.MemberCheckin: _items.Add(new(Kind.Checkin, e.OccurredAt, e.MemberId!, 0)); break;
            case EventTypes.VolunteerLogged: _items.Add(new(Kind.Volunteering, e.OccurredAt, null, (long)Math.Round((e.Hours ?? 0) * 100))); break;
            case EventTypes.PointsAwarded: _items.Add(new(Kind.Points, e.OccurredAt, null, e.Points ?? 0)); break;
            case EventTypes.MeetingHeld: _items.Add(new(Kind.Meeting, e.OccurredAt, null, 0)); break;
            case EventTypes.ProjectClaimed:
            {
                var p = _projects.GetValueOrDefault(e.ProjectId!);
                _projects[e.ProjectId!] = (Min(p.ClaimedAt, e.OccurredAt), p.CompletedAt);
                break;
            }
            case EventTypes.ProjectCompleted:
            {
                var p = _projects.GetValueOrDefault(e.ProjectId!);
                _projects[e.ProjectId!] = (p.ClaimedAt, Min(p.CompletedAt, e.OccurredAt));
                break;
            }
            default: throw new ArgumentException($"'{e.Type}' is not an activity", nameof(e));
        }
    }

    /// <param name="nextMidnight">The next local midnight, when "today" starts over.</param>
    public void AddTo(long[] counters, Window w, DateTimeOffset nextMidnight)
    {
        var now = w.Now;
        if (!_valid || now >= _until || now < _asOf) Rebuild(nextMidnight);
        _asOf = now;

        // Activities left out last time may have settled since; then the ones new since then.
        for (var k = _unsettled.Count - 1; k >= 0; k--)
            if (TrySettle(_unsettled[k], w)) _unsettled.RemoveAt(k);
        for (; _examined < _items.Count; _examined++)
            if (!TrySettle(_examined, w)) _unsettled.Add(_examined);

        counters[(int)CheckinsToday] += _sum[0];
        counters[(int)VolunteerCentiHours30] += _sum[1];
        counters[(int)Points30] += _sum[2];
        counters[(int)Meetings30] += _sum[3];
        _servingFresh.Clear();
        foreach (var i in _unsettled)
        {
            var a = _items[i];
            var (today, in30) = (w.IsToday(a.At), w.In30(a.At));
            switch (a.Kind)
            {
                case Kind.Checkin:
                    if (today) counters[(int)CheckinsToday]++;
                    if (in30 && !_serving.ContainsKey(a.MemberId!)) _servingFresh.Add(a.MemberId!);
                    break;
                case Kind.Volunteering: if (in30) counters[(int)VolunteerCentiHours30] += a.Amount; break;
                case Kind.Points: if (in30) counters[(int)Points30] += a.Amount; break;
                case Kind.Meeting: if (in30) counters[(int)Meetings30]++; break;
            }
        }
        counters[(int)MembersServing30] += _serving.Count + _servingFresh.Count;

        foreach (var (claimed, completed) in _projects.Values)
        {
            if (claimed is not { } c || !w.InYear(c)) continue;
            counters[(int)ProjectsClaimedYear]++;
            if (completed is { } done && done <= w.Now) counters[(int)ProjectsCompletedYear]++;
        }
    }

    /// <summary>The distinct members serving in 30 days as of the last <see cref="AddTo"/>, sorted.</summary>
    public string[] Serving() => [.. _serving.Keys.Concat(_servingFresh).Order(StringComparer.Ordinal)];

    /// <summary>Forgets what no window can see any more.</summary>
    public void Prune(DateTimeOffset before, DateTimeOffset yearStart, bool keepProjects = false)
    {
        if (_items.RemoveAll(x => x.At < before) > 0) _valid = false;
        if (keepProjects) return;
        foreach (var (id, p) in _projects.ToList())
            if ((p.ClaimedAt ?? p.CompletedAt) < yearStart && (p.CompletedAt ?? p.ClaimedAt) < yearStart)
                _projects.Remove(id);
    }

    private void Rebuild(DateTimeOffset nextMidnight)
    {
        _valid = true;
        Array.Clear(_sum);
        _serving.Clear();
        _unsettled.Clear();
        _examined = 0;
        _until = nextMidnight;
    }

    /// <summary>Adds activity <paramref name="i"/> to the sum if its share holds for at least the horizon.</summary>
    private bool TrySettle(int i, Window w)
    {
        var a = _items[i];
        var now = w.Now;
        // Its share changes when its instant is reached and when that leaves the 30-day window.
        var change = a.At > now - Margin ? a.At
            : a.At + Window.ThirtyDays > now - Margin ? a.At + Window.ThirtyDays
            : DateTimeOffset.MaxValue;
        if (change < now + Horizon) return false;
        var (today, in30) = (w.IsToday(a.At), w.In30(a.At));
        switch (a.Kind)
        {
            case Kind.Checkin:
                if (today) _sum[0]++;
                if (in30) _serving[a.MemberId!] = _serving.GetValueOrDefault(a.MemberId!) + 1;
                break;
            case Kind.Volunteering: if (in30) _sum[1] += a.Amount; break;
            case Kind.Points: if (in30) _sum[2] += a.Amount; break;
            case Kind.Meeting: if (in30) _sum[3]++; break;
        }
        if (change != DateTimeOffset.MaxValue && change - Margin < _until) _until = change - Margin;
        return true;
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x <= b ? x : b;
}
