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
    private readonly List<DateTimeOffset> _responses = [];
    private readonly List<DateTimeOffset> _resolutions = [];
    private readonly List<DateTimeOffset> _reopenings = [];
    private readonly List<DateTimeOffset> _closings = [];
    private Step? _report;
    private Step? _filing;
    private Step? _rejection;
    private Step? _rating;

    /// <summary>
    /// The facts derived from the steps, worked out once after each step: a grid's indicators read
    /// them for every case on every recomputation, far more often than steps arrive.
    /// </summary>
    private DerivedFacts? _derived;

    public string CaseId { get; } = caseId;

    public CityEvent? Report => _report?.Event;
    public DateTimeOffset? ReportedAt => _report?.At;
    public DateTimeOffset? FiledAt => _filing?.At;
    public DateTimeOffset? DueAt => _filing?.Event.DueAt;
    public DateTimeOffset? RejectedAt => _rejection?.At;
    public CaseKind Kind { get; private set; }
    public CaseLevel Level { get; private set; }
    public string Category => Report?.Category ?? CaseVocabulary.OtherCategory;
    public string Title => Report?.Title ?? CaseId;

    public DateTimeOffset? DispatchedAt => Derived.DispatchedAt;
    public bool Whistled => Derived.Whistled;

    /// <summary>The first response at or after the first dispatch (a 党员接单 may come without one).</summary>
    public DateTimeOffset? RespondedAt => Derived.RespondedAt;

    public int Reopenings => _reopenings.Count;

    /// <summary>The resolution that stands: the latest one, unless a reopening came after it.</summary>
    public DateTimeOffset? ResolvedAt => Derived.ResolvedAt;

    /// <summary>The closing that stands: the latest one, unless a reopening came after it.</summary>
    public DateTimeOffset? ClosedAt => Derived.ClosedAt;

    public int? Score => _rating?.Event.Score;
    public DateTimeOffset? RatedAt => _rating?.At;

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
            case EventTypes.CaseResponded: _responses.Add(e.OccurredAt); break;
            case EventTypes.CaseResolved: _resolutions.Add(e.OccurredAt); break;
            case EventTypes.CaseReopened: _reopenings.Add(e.OccurredAt); break;
            case EventTypes.CaseClosed: _closings.Add(e.OccurredAt); break;
            case EventTypes.CaseRated: _rating = Latest(_rating, step); break;
            default: throw new ArgumentException($"'{e.Type}' is not a case step", nameof(e));
        }
    }

    private DerivedFacts Derived => _derived ??= Derive();

    private DerivedFacts Derive()
    {
        DateTimeOffset? dispatched = null;
        var whistled = false;
        foreach (var d in _dispatches)
        {
            if (dispatched is null || d.At < dispatched) dispatched = d.At;
            whistled |= d.Event.Whistle == true;
        }
        DateTimeOffset? responded = null;
        foreach (var r in _responses)
            if ((dispatched is null || r >= dispatched) && (responded is null || r < responded)) responded = r;
        return new DerivedFacts(dispatched, whistled, responded, Standing(_resolutions), Standing(_closings));
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
        foreach (var s in new[] { _report, _filing, _rejection, _rating })
            if (s is not null) yield return s.At;
        foreach (var d in _dispatches) yield return d.At;
        foreach (var list in new[] { _responses, _resolutions, _reopenings, _closings })
            foreach (var t in list) yield return t;
        if (DueAt is { } due) yield return due;
    }

    private static Step Earliest(Step? current, Step candidate) =>
        current is null || candidate.CompareTo(current) < 0 ? candidate : current;

    private static Step Latest(Step? current, Step candidate) =>
        current is null || candidate.CompareTo(current) > 0 ? candidate : current;

    private sealed record DerivedFacts(
        DateTimeOffset? DispatchedAt, bool Whistled, DateTimeOffset? RespondedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt);

    private sealed record Step(DateTimeOffset At, string EventId, CityEvent Event) : IComparable<Step>
    {
        public int CompareTo(Step? other) =>
            other is null ? 1
            : At != other.At ? At.CompareTo(other.At)
            : string.CompareOrdinal(EventId, other.EventId);
    }
}
