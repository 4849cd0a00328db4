using CityScreen.Contracts.Events;

namespace CityScreen.Domain.Cases;

/// <summary>
/// Everything known about one case (案件), gathered from its steps in whatever order they arrived.
/// Every derived fact is a function of the set of steps (earliest/latest by occurredAt, ties broken
/// by event id), so late or out-of-order steps end in the same state as steps in order.
/// </summary>
public sealed class CaseFile(string caseId) : ICaseFacts
{
    private readonly List<Step> _dispatches = [];
    private readonly List<Response> _responses = [];
    private readonly List<DateTimeOffset> _resolutions = [];
    private readonly List<DateTimeOffset> _reopenings = [];
    private readonly List<DateTimeOffset> _closings = [];
    // The steps of 吹哨报到 and the upstream workflow; empty (and never allocated) on most cases.
    private List<Step>? _workflow;
    private Step? _report;
    private Step? _filing;
    private Step? _rejection;
    private Step? _rating;
    private Step? _extension;

    /// <summary>
    /// The facts derived from the steps, worked out once after each step: a grid's indicators read
    /// them for every case on every recomputation, far more often than steps arrive.
    /// </summary>
    private DerivedFacts? _derived;

    public string CaseId { get; } = caseId;

    /// <summary>The grid of the case (its steps all name it).</summary>
    public string? GridId { get; private set; }

    public CityEvent? Report => _report?.Event;
    public DateTimeOffset? ReportedAt => _report?.At;
    public DateTimeOffset? FiledAt => _filing?.At;

    /// <summary>The filing's limit, or the latest extension's (by occurredAt).</summary>
    public DateTimeOffset? DueAt => _extension?.Event.DueAt ?? _filing?.Event.DueAt;
    public DateTimeOffset? RejectedAt => _rejection?.At;
    public CaseKind Kind { get; private set; }
    public CaseLevel Level { get; private set; }
    public string Category => Report?.Category ?? CaseVocabulary.OtherCategory;
    public string Title => Report?.Title ?? CaseId;

    public DateTimeOffset? DispatchedAt => Derived.DispatchedAt;
    public bool Whistled => Derived.Whistles.Count > 0;

    /// <summary>The first response at or after the first dispatch (a 党员接单 may come without one).</summary>
    public DateTimeOffset? RespondedAt => Derived.RespondedAt;

    public int Reopenings => _reopenings.Count;

    /// <summary>The resolution that stands: the latest one, unless a reopening came after it.</summary>
    public DateTimeOffset? ResolvedAt => Derived.ResolvedAt;

    /// <summary>The closing that stands: the latest one, unless a reopening came after it.</summary>
    public DateTimeOffset? ClosedAt => Derived.ClosedAt;

    public int? Score => _rating?.Event.Score;
    public DateTimeOffset? RatedAt => _rating?.At;
    public bool? CallbackResolved => _rating?.Event.Resolved;

    public IReadOnlyList<CaseWhistle> Whistles => Derived.Whistles;
    public IReadOnlyList<Suspension> Suspensions => Derived.Suspensions;
    public bool Extended => _extension is not null;
    public int Dispatches => Derived.Dispatches;
    public int Returns => Derived.Returns;
    public IReadOnlyList<string> Departments => Derived.Departments;

    public bool IsOpen => CaseRules.IsOpen(this);

    public CaseStatus Status => CaseRules.Status(this);

    /// <summary>The latest time this case can still change an indicator window; older closed cases can be forgotten.</summary>
    public DateTimeOffset LastActivity
    {
        get
        {
            var last = DateTimeOffset.MinValue;
            foreach (var t in AllTimes()) if (t > last) last = t;
            return last;
        }
    }

    public void Apply(CityEvent e)
    {
        _derived = null;
        GridId ??= e.GridId;
        var step = new Step(e.OccurredAt, e.Id, e);
        switch (e.Type)
        {
            case EventTypes.CaseReported:
                _report = Earliest(_report, step);
                // Parsed once here: the parser admits only the vocabulary; a missing one is the default.
                Kind = CaseVocabulary.TryParse<CaseKind>(_report.Event.Kind, out var kind) ? kind : CaseKind.Event;
                Level = CaseVocabulary.TryParse<CaseLevel>(_report.Event.Level, out var level) ? level : CaseLevel.Normal;
                break;
            case EventTypes.CaseFiled: _filing = Earliest(_filing, step); break;
            case EventTypes.CaseRejected: _rejection = Earliest(_rejection, step); break;
            case EventTypes.CaseDispatched: _dispatches.Add(step); break;
            case EventTypes.CaseResponded: _responses.Add(new(e.OccurredAt, e.Department)); break;
            case EventTypes.CaseResolved:
                _resolutions.Add(e.OccurredAt);
                if (e.Department is not null) (_workflow ??= []).Add(step);
                break;
            case EventTypes.CaseReopened: _reopenings.Add(e.OccurredAt); break;
            case EventTypes.CaseClosed: _closings.Add(e.OccurredAt); break;
            case EventTypes.CaseRated: _rating = Latest(_rating, step); break;
            case EventTypes.CaseExtended: _extension = Latest(_extension, step); break;
            case EventTypes.CaseWhistled or EventTypes.CaseSuspended or EventTypes.CaseResumed
                or EventTypes.CaseReturned or EventTypes.CaseReassigned:
                (_workflow ??= []).Add(step);
                break;
            default: throw new ArgumentException($"'{e.Type}' is not a case step", nameof(e));
        }
    }

    private DerivedFacts Derived => _derived ??= Derive();

    private DerivedFacts Derive()
    {
        DateTimeOffset? dispatched = null;
        foreach (var d in _dispatches)
            if (dispatched is null || d.At < dispatched) dispatched = d.At;
        DateTimeOffset? responded = null;
        foreach (var r in _responses)
            if ((dispatched is null || r.At >= dispatched) && (responded is null || r.At < responded)) responded = r.At;

        if (_workflow is null && !AnyWhistleOrDepartment())
            return new DerivedFacts(dispatched, responded, Standing(_resolutions), Standing(_closings), [], [], _dispatches.Count, 0, []);
        var (whistles, suspensions, dispatches, returns, departments) = DeriveWorkflow();
        return new DerivedFacts(dispatched, responded, Standing(_resolutions), Standing(_closings),
            whistles, suspensions, dispatches, returns, departments);
    }

    private bool AnyWhistleOrDepartment()
    {
        foreach (var d in _dispatches)
            if (d.Event.Whistle == true || d.Event.Departments is not null) return true;
        return false;
    }

    /// <summary>Whistles, suspensions, dispatch counts and departments, from the set of steps.</summary>
    private (IReadOnlyList<CaseWhistle>, IReadOnlyList<Suspension>, int, int, IReadOnlyList<string>) DeriveWorkflow()
    {
        var steps = new List<Step>(_dispatches);
        if (_workflow is not null) steps.AddRange(_workflow);
        steps.Sort();

        var whistles = new List<CaseWhistle>();
        var suspensions = new List<Suspension>();
        var handling = new SortedSet<string>(StringComparer.Ordinal);
        var returnedBy = new HashSet<string>(StringComparer.Ordinal);
        var resolvedBy = new HashSet<string>(StringComparer.Ordinal);
        int dispatches = 0, returns = 0;
        DateTimeOffset? suspendedFrom = null;
        foreach (var s in steps)
        {
            var e = s.Event;
            switch (e.Type)
            {
                case EventTypes.CaseDispatched:
                    dispatches++;
                    if (e.Departments is not null) handling.UnionWith(e.Departments);
                    // A one-department whistle, timed from the dispatch: answered by that department's
                    // response, or by one naming none (the whistles before departments had ids).
                    if (e.Whistle == true && e.Department is { } named)
                        whistles.Add(Whistle(s.At, CaseRules.WhistleAnswerLimit, [named], acceptUnnamed: true) with { NamesDepartments = e.Departments is not null });
                    break;
                case EventTypes.CaseReassigned:
                    dispatches++;
                    handling.Add(e.Department!);
                    break;
                case EventTypes.CaseReturned:
                    returns++;
                    returnedBy.Add(e.Department!);
                    break;
                case EventTypes.CaseWhistled:
                    handling.UnionWith(e.Departments!);
                    whistles.Add(Whistle(s.At, TimeSpan.FromMinutes(e.RespondWithinMinutes ?? CaseRules.DefaultRespondWithinMinutes), e.Departments!, acceptUnnamed: false));
                    break;
                case EventTypes.CaseResolved:
                    resolvedBy.Add(e.Department!);
                    handling.Add(e.Department!);
                    break;
                case EventTypes.CaseSuspended:
                    suspendedFrom ??= s.At;
                    break;
                case EventTypes.CaseResumed:
                    if (suspendedFrom is { } from) suspensions.Add(new Suspension(from, s.At));
                    suspendedFrom = null;
                    break;
            }
        }
        if (suspendedFrom is { } open) suspensions.Add(new Suspension(open, null));
        handling.RemoveWhere(d => returnedBy.Contains(d) && !resolvedBy.Contains(d));
        return (whistles, suspensions, dispatches, returns, [.. handling]);
    }

    private CaseWhistle Whistle(DateTimeOffset at, TimeSpan limit, IReadOnlyList<string> departments, bool acceptUnnamed)
    {
        var summoned = new Summons[departments.Count];
        for (var i = 0; i < summoned.Length; i++)
        {
            DateTimeOffset? arrived = null;
            foreach (var r in _responses)
                if (r.At >= at && (r.Department == departments[i] || (acceptUnnamed && r.Department is null)) && (arrived is null || r.At < arrived))
                    arrived = r.At;
            summoned[i] = new Summons(departments[i], arrived);
        }
        return new CaseWhistle(at, limit, summoned);
    }

    /// <summary>Every instant this case names, its due time included: where its indicators can change as time passes.</summary>
    public IEnumerable<DateTimeOffset> TimePoints => AllTimes();

    private DateTimeOffset? Standing(List<DateTimeOffset> times)
    {
        if (times.Count == 0) return null;
        var latest = times.Max();
        foreach (var reopened in _reopenings)
            if (reopened > latest) return null;
        return latest;
    }

    private IEnumerable<DateTimeOffset> AllTimes()
    {
        foreach (var s in new[] { _report, _filing, _rejection, _rating, _extension })
            if (s is not null) yield return s.At;
        foreach (var d in _dispatches) yield return d.At;
        foreach (var r in _responses) yield return r.At;
        foreach (var list in new[] { _resolutions, _reopenings, _closings })
            foreach (var t in list) yield return t;
        if (_workflow is not null)
            foreach (var s in _workflow) yield return s.At;
        if (DueAt is { } due) yield return due;
    }

    private static Step Earliest(Step? current, Step candidate) =>
        current is null || candidate.CompareTo(current) < 0 ? candidate : current;

    private static Step Latest(Step? current, Step candidate) =>
        current is null || candidate.CompareTo(current) > 0 ? candidate : current;

    private readonly record struct Response(DateTimeOffset At, string? Department);

    private sealed record DerivedFacts(
        DateTimeOffset? DispatchedAt, DateTimeOffset? RespondedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt,
        IReadOnlyList<CaseWhistle> Whistles, IReadOnlyList<Suspension> Suspensions, int Dispatches, int Returns, IReadOnlyList<string> Departments);

    private sealed record Step(DateTimeOffset At, string EventId, CityEvent Event) : IComparable<Step>
    {
        public int CompareTo(Step? other) =>
            other is null ? 1
            : At != other.At ? At.CompareTo(other.At)
            : string.CompareOrdinal(EventId, other.EventId);
    }
}
