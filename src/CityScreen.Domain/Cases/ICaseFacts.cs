using CityScreen.Contracts.Events;

namespace CityScreen.Domain.Cases;

/// <summary>
/// What <see cref="CaseRules"/> read of a case: the steps that stand (a resolution or closing undone
/// by a later reopening is not there), as the live ledger (<see cref="CaseFile"/>) and the drill-down's
/// rows hold them. A rule that needs a new fact adds it here.
/// </summary>
public interface ICaseFacts
{
    string CaseId { get; }
    CaseKind Kind { get; }
    string Category { get; }
    DateTimeOffset? ReportedAt { get; }
    DateTimeOffset? FiledAt { get; }
    /// <summary>
    /// The time limit: set at filing, or moved by the latest approved extension (延期). Suspended time
    /// is not in it; <see cref="CaseRules.DueAt"/> adds it.
    /// </summary>
    DateTimeOffset? DueAt { get; }
    DateTimeOffset? RejectedAt { get; }
    /// <summary>The first dispatch; <see cref="Whistled"/> when the case has a whistle (吹哨).</summary>
    DateTimeOffset? DispatchedAt { get; }
    bool Whistled { get; }
    /// <summary>The first response at or after the first dispatch.</summary>
    DateTimeOffset? RespondedAt { get; }
    DateTimeOffset? ResolvedAt { get; }
    DateTimeOffset? ClosedAt { get; }
    int Reopenings { get; }
    DateTimeOffset? RatedAt { get; }
    int? Score { get; }

    /// <summary>Every whistle, oldest first: <c>case.whistled</c>, and <c>case.dispatched</c> with <c>whistle: true</c> (one department).</summary>
    IReadOnlyList<CaseWhistle> Whistles => [];
    /// <summary>The suspensions (挂账), oldest first.</summary>
    IReadOnlyList<Suspension> Suspensions => [];
    /// <summary>An approved extension (延期) moved the limit.</summary>
    bool Extended => false;
    /// <summary>Dispatches (派遣), reassignments (改派) included.</summary>
    int Dispatches => 0;
    /// <summary>Returns (回退) of a wrong dispatch.</summary>
    int Returns => 0;
    /// <summary>The callback's answer (回访) on the rating: did the resident say it is solved.</summary>
    bool? CallbackResolved => null;
    /// <summary>The departments (ids) that handled the case: dispatched, reassigned, summoned or resolving it, and not returning it.</summary>
    IReadOnlyList<string> Departments => [];
}
