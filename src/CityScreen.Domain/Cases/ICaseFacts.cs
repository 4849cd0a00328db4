using CityScreen.Contracts.Events;

namespace CityScreen.Domain.Cases;

/// <summary>
/// What <see cref="CaseRules"/> read of a case: the steps that stand (a resolution or closing undone
/// by a later reopening is not there), as the live ledger (<see cref="CaseFile"/>) and the drill-down's
/// rows hold them. A rule that needs a new fact (an extension, a suspension) adds it here.
/// </summary>
public interface ICaseFacts
{
    string CaseId { get; }
    CaseKind Kind { get; }
    string Category { get; }
    DateTimeOffset? ReportedAt { get; }
    DateTimeOffset? FiledAt { get; }
    /// <summary>The time limit set at filing.</summary>
    DateTimeOffset? DueAt { get; }
    DateTimeOffset? RejectedAt { get; }
    /// <summary>The first dispatch; <see cref="Whistled"/> when one of the dispatches was a whistle (吹哨).</summary>
    DateTimeOffset? DispatchedAt { get; }
    bool Whistled { get; }
    /// <summary>The first response at or after the first dispatch.</summary>
    DateTimeOffset? RespondedAt { get; }
    DateTimeOffset? ResolvedAt { get; }
    DateTimeOffset? ClosedAt { get; }
    int Reopenings { get; }
    DateTimeOffset? RatedAt { get; }
    int? Score { get; }
}
