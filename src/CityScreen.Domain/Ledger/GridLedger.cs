using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Cases;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Time;
using static CityScreen.Contracts.Indicators.Counter;

namespace CityScreen.Domain.Ledger;

/// <summary>
/// The live state of one leaf area (a grid, or a community's direct activities): its cases and
/// activities, and the indicator values they give at any instant. Values are recomputed from the
/// cases rather than kept as running counters, so late steps, overdue transitions and midnight
/// need no special bookkeeping: the same facts and the same instant give the same values.
/// Recomputing every case on every flush was most of the ingest path's CPU, so the cases whose
/// share cannot change for a while are kept summed (<see cref="SettledCases"/>): a computation
/// adds only the cases that changed or sit near one of their instants to that sum.
/// </summary>
public sealed class GridLedger
{
    private readonly Dictionary<string, CaseFile> _cases = new(StringComparer.Ordinal);
    private readonly ActivityLog _activities = new();
    private readonly CoBuildingLog _coBuilding = new();
    private readonly UnitBoard _unitBoard = new();
    private readonly LovePointsBoard _lovePoints = new();
    private readonly HashSet<string> _red = new(StringComparer.Ordinal);
    /// <summary>The cases with a whistle, for the whistle board (few: most cases have none).</summary>
    private readonly HashSet<CaseFile> _whistled = [];
    /// <summary>The streets' ratings of departments given in this leaf (街道评价部门).</summary>
    private readonly List<(DateTimeOffset At, string Department, int Score)> _departmentRatings = [];
    private readonly SettledCases _settled;
    /// <summary>
    /// When an event that is not a case step changes its share on its own: when its instant is
    /// reached and when it leaves the 30-day window. The cases say their own next change
    /// (<see cref="SettledCases.NextChange"/>); without these, a quiet leaf kept counting an
    /// activity for up to an hour after it left the window.
    /// </summary>
    private readonly PriorityQueue<DateTimeOffset, DateTimeOffset> _edges = new();

    private readonly CityClock _clock;

    public GridLedger(LeafReference reference, CityClock clock)
    {
        Reference = reference;
        _clock = clock;
        _settled = new SettledCases(clock);
    }

    public LeafReference Reference { get; }
    public int CaseCount => _cases.Count;

    public IEnumerable<CaseFile> Cases => _cases.Values;

    public CaseFile? FindCase(string caseId) => _cases.GetValueOrDefault(caseId);

    /// <summary>Adds one event. Returns the case it belongs to, or null for an activity.</summary>
    public CaseFile? Apply(CityEvent e)
    {
        if (!EventTypes.IsCaseStep(e.Type))
        {
            _edges.Enqueue(e.OccurredAt, e.OccurredAt);
            _edges.Enqueue(e.OccurredAt + Window.ThirtyDays, e.OccurredAt + Window.ThirtyDays);
        }
        if (e.Type == EventTypes.DepartmentRated)
        {
            _departmentRatings.Add((e.OccurredAt, e.Department!, e.Score ?? 0));
            return null;
        }
        if (!EventTypes.IsCaseStep(e.Type))
        {
            // A meeting counts in both: held (ActivityLog) and, when joint or a consultation, in its co-building counts.
            if (CoBuildingLog.Keeps(e.Type)) _coBuilding.Apply(e);
            if (UnitBoard.Keeps(e.Type)) _unitBoard.Apply(e);
            if (LovePointsBoard.Keeps(e.Type)) _lovePoints.Apply(e);
            if (ActivityLog.Keeps(e.Type)) _activities.Apply(e);
            return null;
        }
        if (!_cases.TryGetValue(e.CaseId!, out var file))
            _cases[e.CaseId!] = file = new CaseFile(e.CaseId!);
        _settled.Changing(file);
        file.Apply(e);
        if (file.Whistled) _whistled.Add(file);
        return file;
    }

    public LedgerResult Compute(DateTimeOffset now)
    {
        var w = new Window(now, _clock.StartOfToday(now), _clock.StartOfYear(now));
        var turnedRed = new List<CaseFile>();
        var v = _settled.ValuesAt(w, _cases.Values, file =>
        {
            // Red cannot change while a case is settled, so only the cases looked at here can turn.
            if (CaseRules.IsOverdue(file, now))
            {
                if (_red.Add(file.CaseId)) turnedRed.Add(file);
            }
            else _red.Remove(file.CaseId);
        });
        var c = v.Counters;
        _activities.AddTo(c, w, _clock.StartOfDay(_clock.LocalDate(now).AddDays(1)));
        _coBuilding.AddTo(c, w);

        foreach (var (at, department, score) in _departmentRatings)
        {
            if (!w.In30(at)) continue;
            var d = IndicatorMath.DepartmentCounters(v, department);
            d[(int)DepartmentCounter.StreetScoreSum30] += score;
            d[(int)DepartmentCounter.StreetScores30]++;
        }
        if (_whistled.Count > 0) v = v with { OpenWhistles = OpenWhistles(now) };

        c[(int)Population] = Reference.Population;
        c[(int)Households] = Reference.Households;
        c[(int)MembersExpected] = Reference.MembersExpected;
        c[(int)Grids] = Reference.IsGrid ? 1 : 0;
        c[(int)GridsWithBranch] = Reference.IsGrid && Reference.HasPartyBranch ? 1 : 0;
        var (lovePoints, lovePointNames) = _lovePoints.TopAt(w);
        v = v with
        {
            ServingMembers = _activities.Serving(), RosterMembers = _coBuilding.RosterAt(now),
            Units = _unitBoard.CountersAt(w), UnitNames = new Dictionary<string, string>(_unitBoard.Names, StringComparer.Ordinal),
            LovePoints = lovePoints, LovePointNames = lovePointNames, SitesServedAt = _coBuilding.SitesServedAt(w),
        };
        MemberRoster.CountOnce(c, [v]);
        var next = NextEdge(now);
        return new LedgerResult(v, turnedRed, next < _settled.NextChange ? next : _settled.NextChange);
    }

    private OpenWhistle[] OpenWhistles(DateTimeOffset now)
    {
        var open = new List<OpenWhistle>();
        foreach (var file in _whistled)
            foreach (var w in CaseRules.OpenWhistles(file, now))
            {
                if (now - w.At > Window.ThirtyDays) continue;
                open.Add(new OpenWhistle(file.CaseId, file.GridId ?? "", file.Title, w.At, (int)w.Limit.TotalMinutes,
                    [.. w.Summoned.Where(s => !(s.ArrivedAt <= now)).Select(s => s.Department)],
                    [.. w.Summoned.Where(s => s.ArrivedAt <= now).Select(s => s.Department)]));
            }
        return open.Count == 0 ? [] : IndicatorMath.NewestWhistles(open);
    }

    /// <summary>The first of <see cref="_edges"/> after <paramref name="now"/>; those passed are dropped.</summary>
    private DateTimeOffset NextEdge(DateTimeOffset now)
    {
        while (_edges.TryPeek(out var edge, out _))
        {
            if (edge > now) return edge;
            _edges.Dequeue();
        }
        return DateTimeOffset.MaxValue;
    }

    /// <summary>Forgets closed or rejected cases and activities that no window can see any more.</summary>
    public int Prune(DateTimeOffset now) => Prune(now, forgotten: null);

    /// <summary>
    /// <see cref="Prune(DateTimeOffset)"/> in the middle of a replay: the cases it forgets are added
    /// to <paramref name="forgotten"/> (a later step of one needs its history back), and projects
    /// are kept, because a project is forgotten by its claim and completion together and the replay
    /// may not have reached the second yet.
    /// </summary>
    public int Prune(DateTimeOffset now, ISet<string>? forgotten)
    {
        var before = PruneHorizon(now);
        // A replay prunes as it goes without computing: the edges it passed go here.
        NextEdge(now);
        var removed = 0;
        foreach (var (id, file) in _cases.ToList())
        {
            if (file.IsOpen || file.LastActivity >= before) continue;
            if (file.FiledAt is null && file.RejectedAt is null && file.ReportedAt is null) continue;
            _cases.Remove(id);
            _whistled.Remove(file);
            _settled.Forget(file);
            forgotten?.Add(id);
            removed++;
        }
        _activities.Prune(before, _clock.StartOfYear(now), keepProjects: forgotten is not null);
        _coBuilding.Prune(before, _clock.StartOfYear(now));
        if (forgotten is null) _unitBoard.Prune(_clock.StartOfYear(now));
        _lovePoints.Prune(before);
        _departmentRatings.RemoveAll(r => r.At < before);
        return removed;
    }

    /// <summary>
    /// Whether an event this ledger applied can still change what it computes at
    /// <paramref name="now"/> or later: what a checkpoint must keep. It keeps at least what
    /// <see cref="Prune(DateTimeOffset)"/> would keep, by the same horizons, so a ledger rebuilt
    /// from the kept events and pruned equals one rebuilt from every event and pruned.
    /// </summary>
    public bool Retains(string type, string? caseId, DateTimeOffset occurredAt, DateTimeOffset now)
    {
        if (EventTypes.IsCaseStep(type)) return caseId is not null && _cases.ContainsKey(caseId);
        var before = PruneHorizon(now);
        var yearStart = _clock.StartOfYear(now);
        return type switch
        {
            // Registries stay whole, and a project is forgotten only by its claim and completion together.
            EventTypes.MemberRegistered or EventTypes.UnitRegistered or EventTypes.NeedListed or EventTypes.ResourceListed
                or EventTypes.ProjectPublished or EventTypes.ProjectClaimed or EventTypes.ProjectCompleted => true,
            // Ratings of projects and joint meetings count for the year; a meeting also for 30 days.
            EventTypes.ProjectRated => occurredAt >= yearStart,
            EventTypes.MeetingHeld => occurredAt >= (before < yearStart ? before : yearStart),
            // Everything else counts in 30 days at most.
            _ => occurredAt >= before,
        };
    }

    private static DateTimeOffset PruneHorizon(DateTimeOffset now) => now - Window.ThirtyDays - TimeSpan.FromDays(1);


}
