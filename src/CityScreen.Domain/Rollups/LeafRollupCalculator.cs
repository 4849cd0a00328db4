using CityScreen.Contracts.Events;
using CityScreen.Domain.Cases;
using CityScreen.Domain.Ledger;
using CityScreen.Domain.Time;
using static CityScreen.Domain.Rollups.RollupInputs;

namespace CityScreen.Domain.Rollups;

/// <summary>
/// The daily rollups of one leaf from its events. Like <see cref="CaseFile"/>, every count is a
/// function of the set of events, so the order they arrive in does not matter and an event given
/// twice counts once. A flow counts on the day docs/index-model.md names: a case falls due on the
/// day it is closed (resolved) or its limit passes, whichever is first, so on-time closure is
/// decided on that day; an order's response and a project's completion count on the day the order
/// was placed or the project claimed.
/// </summary>
public sealed class LeafRollupCalculator(string leafId, LeafReference reference, RollupRules rules, CityClock clock)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CaseFile> _cases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RepeatComplaintRule.Reporter> _reporters = new(StringComparer.Ordinal);
    private readonly List<(DateTimeOffset At, string MemberId)> _memberResponses = [];
    private readonly List<(DateTimeOffset At, string MemberId)> _checkins = [];
    private readonly List<(DateTimeOffset At, string? MemberId, double Hours)> _volunteering = [];
    private readonly List<DateTimeOffset> _meetings = [];
    private readonly Dictionary<string, (DateTimeOffset? ClaimedAt, DateTimeOffset? CompletedAt)> _projects = new(StringComparer.Ordinal);
    /// <summary>Needs by the time they were listed, and by the time a project first answered them (NR01).</summary>
    private readonly Dictionary<string, DateTimeOffset> _needs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _needsMatched = new(StringComparer.Ordinal);
    /// <summary>The roster: each member registered here by the time of their first registration.</summary>
    private readonly Dictionary<string, DateTimeOffset> _registered = new(StringComparer.Ordinal);

    public string LeafId { get; } = leafId;

    public int CaseCount => _cases.Count;

    public void Apply(CityEvent e)
    {
        if (!_seen.Add(e.Id)) return;
        if (EventTypes.IsCaseStep(e.Type))
        {
            if (!_cases.TryGetValue(e.CaseId!, out var file)) _cases[e.CaseId!] = file = new CaseFile(e.CaseId!);
            file.Apply(e);
            if (e.Type == EventTypes.CaseReported) _reporters[e.CaseId!] = new(e.CallerId, e.Location);
            // A member taking a 群众点单 (党员接单) is service; a department reporting is not.
            if (e.Type == EventTypes.CaseResponded && e.MemberId is { } member) _memberResponses.Add((e.OccurredAt, member));
            return;
        }
        switch (e.Type)
        {
            case EventTypes.MemberCheckin: _checkins.Add((e.OccurredAt, e.MemberId!)); break;
            case EventTypes.VolunteerLogged: _volunteering.Add((e.OccurredAt, e.MemberId, e.Hours ?? 0)); break;
            case EventTypes.MeetingHeld: _meetings.Add(e.OccurredAt); break;
            case EventTypes.ProjectClaimed:
            {
                var p = _projects.GetValueOrDefault(e.ProjectId!);
                _projects[e.ProjectId!] = (Earlier(p.ClaimedAt, e.OccurredAt), p.CompletedAt);
                break;
            }
            case EventTypes.ProjectCompleted:
            {
                var p = _projects.GetValueOrDefault(e.ProjectId!);
                _projects[e.ProjectId!] = (p.ClaimedAt, Earlier(p.CompletedAt, e.OccurredAt));
                break;
            }
            case EventTypes.NeedListed: KeepEarliest(_needs, e.NeedId!, e.OccurredAt); break;
            case EventTypes.MemberRegistered: KeepEarliest(_registered, e.MemberId!, e.OccurredAt); break;
            case EventTypes.ProjectPublished:
                foreach (var need in e.NeedIds ?? []) KeepEarliest(_needsMatched, need, e.OccurredAt);
                break;
            // 爱心积分 is a live indicator, not an input of the index.
        }
    }

    public void ApplyAll(IEnumerable<CityEvent> events)
    {
        foreach (var e in events) Apply(e);
    }

    /// <summary>Members registered before the events read (the day before's <see cref="RollupInputs.MembersRegistered"/>).</summary>
    public void RegisteredBefore(IEnumerable<string> members)
    {
        foreach (var member in members) KeepEarliest(_registered, member, DateTimeOffset.MinValue);
    }

    /// <summary>
    /// The rollups of <paramref name="days"/> as known at <paramref name="asOf"/> (the job's now,
    /// after the days are over): a whistle still inside its 30 minutes, or a limit not yet passed,
    /// is not counted until it is decided.
    /// </summary>
    public IReadOnlyList<DailyRollup> Compute(IEnumerable<DateOnly> days, DateTimeOffset asOf)
    {
        var buckets = days.Distinct().Order().ToDictionary(d => d, _ => new Bucket());
        if (buckets.Count == 0) return [];
        var ordered = buckets.Keys.ToArray();

        foreach (var file in _cases.Values) AddCase(file, buckets, ordered, asOf);
        AddRepeatComplaints(buckets);
        AddActivities(buckets, asOf);

        return ordered.Select(day => buckets[day].ToRollup(LeafId, day, WithRoster(ReferenceInputs.Of(reference, rules, day), buckets[day], day))).ToArray();
    }

    public DailyRollup Compute(DateOnly day, DateTimeOffset asOf) => Compute([day], asOf)[0];

    /// <summary>
    /// The roster registered by the end of <paramref name="day"/> into its bucket; where there is one,
    /// its size replaces the members expected (应报到) of the reference data as PM01's denominator.
    /// </summary>
    private IEnumerable<(string Input, double Value)> WithRoster(IEnumerable<(string Input, double Value)> stocks, Bucket bucket, DateOnly day)
    {
        var end = clock.StartOfDay(day.AddDays(1));
        var roster = 0;
        foreach (var (member, at) in _registered)
        {
            if (at >= end) continue;
            bucket.AddMember(MembersRegistered, member);
            roster++;
        }
        return roster == 0 ? stocks : stocks.Select(s => s.Input == MembersExpected ? (s.Input, (double)roster) : s);
    }

    private void AddCase(CaseFile f, Dictionary<DateOnly, Bucket> buckets, DateOnly[] days, DateTimeOffset asOf)
    {
        if (f.ReportedAt is { } reported && Find(buckets, reported) is { } placedDay)
        {
            placedDay.Add(CasesReported);
            if (CaseRules.IsOrder(f))
            {
                placedDay.Add(OrdersPlaced);
                if (CaseRules.OrderTaken(f, asOf)) placedDay.Add(OrdersResponded);
            }
            if (CaseRules.IsHotline(f)) placedDay.Add(Complaints);
        }

        if (f.ClosedAt is { } closedAt && closedAt <= asOf && Find(buckets, closedAt) is { } closedDay) closedDay.Add(CasesClosed);

        if (CaseRules.FallsDueForResolution(f, asOf) is { } resolveDue && Find(buckets, resolveDue) is { } resolveDay)
        {
            resolveDay.Add(DueResolve);
            if (CaseRules.ResolvedOnTime(f, asOf)) resolveDay.Add(ResolvedOnTime);
        }

        if (CaseRules.FallsDueForClosing(f, asOf) is { } closeDue && Find(buckets, closeDue) is { } closeDay)
        {
            var onTime = CaseRules.ClosedOnTime(f, asOf);
            closeDay.Add(DueClose);
            if (onTime) closeDay.Add(ClosedOnTime);
            if (CaseRules.WasReopened(f)) closeDay.Add(Reopened);
            if (CaseRules.IsHotline(f))
            {
                closeDay.Add(HotlineDue);
                if (onTime) closeDay.Add(HotlineOnTime);
            }
            if (CaseRules.IsOrder(f))
            {
                closeDay.Add(OrdersDueClose);
                if (onTime) closeDay.Add(OrdersClosedOnTime);
            }
        }

        if (f.FiledAt is { } filed && f.RejectedAt is null && f.DueAt is not null) AddOverdueSpan(f, filed, buckets, days);

        // WB01: each whistle on the day it was blown, on time only when every summoned department arrived within its limit.
        foreach (var (whistledAt, onTime) in CaseRules.DecidedWhistles(f, asOf))
        {
            if (Find(buckets, whistledAt) is not { } whistleDay) continue;
            whistleDay.Add(Whistles);
            if (onTime) whistleDay.Add(WhistlesOnTime);
        }

        if (CaseRules.Rating(f) is { } rating && Find(buckets, rating.At) is { } ratedDay)
        {
            ratedDay.Add(Ratings);
            if (rating.Satisfied) ratedDay.Add(Satisfied);
        }
    }

    /// <summary>
    /// 红灯 at the end of each day from the day the limit passes to the day before the case is
    /// closed or rejected. Cases filed before the next computation's reading window are remembered
    /// by id, so it can fetch them.
    /// </summary>
    private void AddOverdueSpan(CaseFile f, DateTimeOffset filed, Dictionary<DateOnly, Bucket> buckets, DateOnly[] days)
    {
        var filedDay = clock.LocalDate(filed);
        var start = Array.BinarySearch(days, filedDay);
        if (start < 0) start = ~start;
        for (var i = start; i < days.Length; i++)
        {
            var day = days[i];
            var endOfDay = clock.StartOfDay(day.AddDays(1));
            // From its filing day on, a case closed or rejected before a day's end stays so.
            if (!CaseRules.WasOpenAt(f, endOfDay)) break;
            if (CaseRules.WasOverdueAt(f, endOfDay)) buckets[day].Add(OverdueOpen);
            if (filedDay < day.AddDays(-(RollupRules.CaseLookbackDays - 1))) buckets[day].AddMember(LongOpenCases, f.CaseId);
        }
    }

    /// <summary>
    /// A 12345 report repeats when the leaf had one of the same category, from the same caller or
    /// place, within the 30 days before it (<see cref="RepeatComplaintRule"/>; reports at the same
    /// instant are ordered by case id, so the result is order-independent).
    /// </summary>
    private void AddRepeatComplaints(Dictionary<DateOnly, Bucket> buckets)
    {
        var hotline = _cases.Values
            .Where(c => CaseRules.IsHotline(c) && c.ReportedAt is not null)
            .GroupBy(c => c.Category, StringComparer.Ordinal);
        foreach (var category in hotline)
        {
            var earlier = new List<CaseFile>();
            foreach (var c in category.OrderBy(c => c.ReportedAt).ThenBy(c => c.CaseId, StringComparer.Ordinal))
            {
                earlier.RemoveAll(p => c.ReportedAt!.Value - p.ReportedAt!.Value > CaseRules.RepeatComplaintWindow);
                var by = _reporters.GetValueOrDefault(c.CaseId);
                if (earlier.Exists(p => RepeatComplaintRule.Repeats(c, by, p, _reporters.GetValueOrDefault(p.CaseId))) && Find(buckets, c.ReportedAt!.Value) is { } day)
                    day.Add(RepeatComplaints);
                earlier.Add(c);
            }
        }
    }

    private void AddActivities(Dictionary<DateOnly, Bucket> buckets, DateTimeOffset asOf)
    {
        foreach (var (at, member) in _checkins)
            Find(buckets, at)?.AddMember(MembersCheckedIn, member);
        foreach (var (at, member, hours) in _volunteering)
        {
            if (Find(buckets, at) is not { } day) continue;
            day.AddCentiHours((long)Math.Round(hours * 100));
            if (member is not null) day.AddMember(MembersServing, member);
        }
        foreach (var (at, member) in _memberResponses)
            Find(buckets, at)?.AddMember(MembersServing, member);
        // OL01 counts a meeting where an organisation is due to hold it (ReferenceInputs): a grid
        // without a Party branch has no schedule, so a meeting logged there is not on one.
        if (ReferenceInputs.HoldsMeetings(reference))
            foreach (var at in _meetings)
                Find(buckets, at)?.Add(MeetingsHeld);
        // A need counts on the day it is listed, its match on the day a project first answers it (where the project is published).
        foreach (var at in _needs.Values)
            Find(buckets, at)?.Add(Needs);
        foreach (var at in _needsMatched.Values)
            Find(buckets, at)?.Add(NeedsMatched);
        foreach (var (claimed, completed) in _projects.Values)
        {
            if (claimed is not { } c || Find(buckets, c) is not { } day) continue;
            day.Add(ProjectsClaimed);
            if (completed is { } done && done <= asOf) day.Add(ProjectsCompleted);
        }
    }

    private Bucket? Find(Dictionary<DateOnly, Bucket> buckets, DateTimeOffset t) => buckets.GetValueOrDefault(clock.LocalDate(t));

    private static void KeepEarliest(Dictionary<string, DateTimeOffset> map, string id, DateTimeOffset at)
    {
        if (!map.TryGetValue(id, out var known) || at < known) map[id] = at;
    }

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) =>
        a is { } x && (b is not { } y || x <= y) ? x : b;

    private sealed class Bucket
    {
        private readonly SortedDictionary<string, double> _counts = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, SortedSet<string>> _sets = new(StringComparer.Ordinal);
        // Hours are summed as whole hundredths so that the total does not depend on the order of the logs.
        private long _volunteerCentiHours;

        public void AddCentiHours(long centiHours) => _volunteerCentiHours += centiHours;

        public void Add(string input, double by = 1) => _counts[input] = _counts.GetValueOrDefault(input) + by;

        public void AddMember(string set, string member)
        {
            if (!_sets.TryGetValue(set, out var members)) _sets[set] = members = new SortedSet<string>(StringComparer.Ordinal);
            members.Add(member);
        }

        public DailyRollup ToRollup(string leafId, DateOnly day, IEnumerable<(string Input, double Value)> reference)
        {
            foreach (var (input, value) in reference)
                if (value != 0) _counts[input] = value;
            if (_volunteerCentiHours != 0) _counts[VolunteerHours] = _volunteerCentiHours / 100.0;
            foreach (var (set, members) in _sets)
                if (set != LongOpenCases && set != MembersRegistered) _counts[set] = members.Count;
            return new DailyRollup(
                leafId,
                day,
                new SortedDictionary<string, double>(_counts, StringComparer.Ordinal),
                _sets.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}
