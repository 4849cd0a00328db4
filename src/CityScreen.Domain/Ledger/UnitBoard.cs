using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;

namespace CityScreen.Domain.Ledger;

/// <summary>
/// The 共建单位 board of one leaf: each unit's projects claimed and completed this year and the
/// residents' ratings of them, keyed by the unit that claimed the project (a rating names only its
/// project), and the units' names as registered. Merged by id like <see cref="CoBuildingLog"/>, so
/// a rating or completion before its claim counts once the claim arrives.
/// </summary>
public sealed class UnitBoard
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Unit, DateTimeOffset? ClaimedAt, DateTimeOffset? CompletedAt)> _projects = new(StringComparer.Ordinal);
    private readonly List<(DateTimeOffset At, string Project, int Score)> _ratings = [];

    public static bool Keeps(string type) => type is EventTypes.UnitRegistered or EventTypes.ProjectClaimed
        or EventTypes.ProjectCompleted or EventTypes.ProjectRated;

    public void Apply(CityEvent e)
    {
        switch (e.Type)
        {
            case EventTypes.UnitRegistered: if (e.Name is { } name) _names[e.UnitId!] = name; break;
            case EventTypes.ProjectRated: _ratings.Add((e.OccurredAt, e.ProjectId!, e.Score ?? 0)); break;
            case EventTypes.ProjectClaimed:
            {
                var p = _projects.GetValueOrDefault(e.ProjectId!);
                _projects[e.ProjectId!] = (e.UnitId ?? p.Unit, Earlier(p.ClaimedAt, e.OccurredAt), p.CompletedAt);
                break;
            }
            case EventTypes.ProjectCompleted:
            {
                var p = _projects.GetValueOrDefault(e.ProjectId!);
                _projects[e.ProjectId!] = (p.Unit ?? e.UnitId, p.ClaimedAt, Earlier(p.CompletedAt, e.OccurredAt));
                break;
            }
            default: throw new ArgumentException($"'{e.Type}' is not a unit board event", nameof(e));
        }
    }

    /// <summary>Per unit, its counters (<see cref="UnitCounter"/>) this year; units with nothing this year are left out.</summary>
    public Dictionary<string, long[]> CountersAt(Window w)
    {
        var units = new Dictionary<string, long[]>(StringComparer.Ordinal);
        long[] Of(string unit) => units.TryGetValue(unit, out var c) ? c : units[unit] = new long[UnitCounters.Count];
        foreach (var (unit, claimed, completed) in _projects.Values)
        {
            if (unit is null) continue;
            if (claimed is { } c && w.InYear(c)) Of(unit)[(int)UnitCounter.ClaimedYear]++;
            if (completed is { } d && w.InYear(d)) Of(unit)[(int)UnitCounter.CompletedYear]++;
        }
        foreach (var (at, project, score) in _ratings)
        {
            if (!w.InYear(at) || _projects.GetValueOrDefault(project).Unit is not { } unit) continue;
            var c = Of(unit);
            c[(int)UnitCounter.RatingsYear]++;
            c[(int)UnitCounter.ScoreSumYear] += score;
        }
        return units;
    }

    /// <summary>The names of the units registered here.</summary>
    public IReadOnlyDictionary<string, string> Names => _names;

    public void Prune(DateTimeOffset yearStart)
    {
        _ratings.RemoveAll(r => r.At < yearStart);
        foreach (var (id, p) in _projects.ToList())
            if ((p.ClaimedAt ?? DateTimeOffset.MinValue) < yearStart && (p.CompletedAt ?? DateTimeOffset.MinValue) < yearStart)
                _projects.Remove(id);
    }

    private static DateTimeOffset Earlier(DateTimeOffset? known, DateTimeOffset at) => known is { } k && k <= at ? k : at;
}
