using CityScreen.Contracts.Events;

namespace CityScreen.Domain.Ledger;

/// <summary>The Party-building and service activities of one leaf (domain.md §2, second table).</summary>
public sealed class ActivityLog
{
    private readonly List<(DateTimeOffset At, string MemberId)> _checkins = [];
    private readonly List<(DateTimeOffset At, long CentiHours)> _volunteering = [];
    private readonly List<(DateTimeOffset At, int Points)> _points = [];
    private readonly List<DateTimeOffset> _meetings = [];
    private readonly Dictionary<string, (DateTimeOffset? ClaimedAt, DateTimeOffset? CompletedAt)> _projects = [];

    public void Apply(CityEvent e)
    {
        switch (e.Type)
        {
            case EventTypes.MemberCheckin: _checkins.Add((e.OccurredAt, e.MemberId!)); break;
            case EventTypes.VolunteerLogged: _volunteering.Add((e.OccurredAt, (long)Math.Round((e.Hours ?? 0) * 100))); break;
            case EventTypes.PointsAwarded: _points.Add((e.OccurredAt, e.Points ?? 0)); break;
            case EventTypes.MeetingHeld: _meetings.Add(e.OccurredAt); break;
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

    public void AddTo(long[] counters, Window w)
    {
        var serving = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (at, member) in _checkins)
        {
            if (w.IsToday(at)) counters[(int)Contracts.Indicators.Counter.CheckinsToday]++;
            if (w.In30(at)) serving.Add(member);
        }
        counters[(int)Contracts.Indicators.Counter.MembersServing30] += serving.Count;
        foreach (var (at, hours) in _volunteering)
            if (w.In30(at)) counters[(int)Contracts.Indicators.Counter.VolunteerCentiHours30] += hours;
        foreach (var (at, points) in _points)
            if (w.In30(at)) counters[(int)Contracts.Indicators.Counter.Points30] += points;
        foreach (var at in _meetings)
            if (w.In30(at)) counters[(int)Contracts.Indicators.Counter.Meetings30]++;
        foreach (var (claimed, completed) in _projects.Values)
        {
            if (claimed is not { } c || !w.InYear(c)) continue;
            counters[(int)Contracts.Indicators.Counter.ProjectsClaimedYear]++;
            if (completed is { } done && done <= w.Now) counters[(int)Contracts.Indicators.Counter.ProjectsCompletedYear]++;
        }
    }

    /// <summary>Forgets what no window can see any more.</summary>
    public void Prune(DateTimeOffset before, DateTimeOffset yearStart)
    {
        _checkins.RemoveAll(x => x.At < before);
        _volunteering.RemoveAll(x => x.At < before);
        _points.RemoveAll(x => x.At < before);
        _meetings.RemoveAll(x => x < before);
        foreach (var (id, p) in _projects.ToList())
            if ((p.ClaimedAt ?? p.CompletedAt) < yearStart && (p.CompletedAt ?? p.ClaimedAt) < yearStart)
                _projects.Remove(id);
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x <= b ? x : b;
}
