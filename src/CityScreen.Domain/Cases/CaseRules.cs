using CityScreen.Contracts.Events;

namespace CityScreen.Domain.Cases;

/// <summary>
/// The rules of docs/domain.md §3 and docs/index-model.md that decide what a case counts for: when it falls
/// due and whether it was on time, when it is yellow or red, when a whistle is answered in time, what
/// a satisfied rating is, when an order is answered, when a 12345 report repeats. The live indicators
/// (<c>CaseCounting</c>), the nightly rollups (<c>LeafRollupCalculator</c>) and the drill-down's case
/// lists all ask these, so a number on the wall, in the index and behind a click agree.
/// <para>
/// Every rule reads a case "as known at" an instant <c>asOf</c>: a step later than it has not
/// happened yet. Callers then place the instants these rules return in their own windows (the rolling
/// 30 days, a day, the index's window). Rules about time limits, whistles and ratings will grow
/// (extensions, suspensions, working-hour limits, whistles to several departments): they belong here.
/// </para>
/// </summary>
public static class CaseRules
{
    /// <summary>A whistle (吹哨) answered within this time counts as on time (WB01 吹哨报到及时率).</summary>
    public static readonly TimeSpan WhistleAnswerLimit = TimeSpan.FromMinutes(30);

    /// <summary>An open case is yellow (临期) from this share of its time limit until it is due (the standard's traffic light).</summary>
    public const double YellowShare = 0.8;

    /// <summary>The lowest score (1–5) of a satisfied rating (SA01 群众满意率).</summary>
    public const int SatisfiedScore = 4;

    /// <summary>A 12345 report repeats when the leaf had one of the same category this recently (SA02).</summary>
    public static readonly TimeSpan RepeatComplaintWindow = TimeSpan.FromDays(30);

    // ---- where a case stands

    /// <summary>Filed, not rejected, not closed (in any order of its steps).</summary>
    public static bool IsOpen(ICaseFacts c) => c.FiledAt is not null && c.RejectedAt is null && c.ClosedAt is null;

    public static CaseStatus Status(ICaseFacts c) =>
        c.RejectedAt is not null ? CaseStatus.Rejected
        : c.ClosedAt is not null ? CaseStatus.Closed
        : c.FiledAt is not null ? CaseStatus.Open
        : CaseStatus.Reported;

    /// <summary>Red (超期): open and past its limit at <paramref name="now"/>.</summary>
    public static bool IsOverdue(ICaseFacts c, DateTimeOffset now) => IsOpen(c) && c.DueAt is { } due && now > due;

    /// <summary>Yellow (临期): open, not past its limit, and at least <see cref="YellowShare"/> of it gone.</summary>
    public static bool IsYellow(ICaseFacts c, DateTimeOffset now) =>
        IsOpen(c) && c.DueAt is { } due && c.FiledAt is { } filed && now <= due
        && (now - filed).Ticks >= YellowShare * (due - filed).Ticks;

    /// <summary>The instant an open case turns yellow, when its limit is after its filing.</summary>
    public static DateTimeOffset? TurnsYellowAt(ICaseFacts c) =>
        c.DueAt is { } due && c.FiledAt is { } filed && due > filed ? filed + TimeSpan.FromTicks((long)(YellowShare * (due - filed).Ticks)) : null;

    /// <summary>
    /// Open at the end of a period ending at <paramref name="end"/> (exclusive): filed before it and
    /// neither closed nor rejected before it. The rollups' 红灯 at the end of each day counts these.
    /// </summary>
    public static bool WasOpenAt(ICaseFacts c, DateTimeOffset end) =>
        c.FiledAt < end && !(c.ClosedAt < end) && !(c.RejectedAt < end);

    /// <summary>Open at the end of a period and past its limit by then (EV03 per day).</summary>
    public static bool WasOverdueAt(ICaseFacts c, DateTimeOffset end) => WasOpenAt(c, end) && c.DueAt < end;

    /// <summary>A report of this level is an alarm on the wall (较大 and 重大).</summary>
    public static bool IsAlarming(CaseLevel level) => level is CaseLevel.Major or CaseLevel.Critical;

    // ---- time limits: 按期处置 (resolution) and 按期结案 (closing)

    /// <summary>
    /// The instant the case falls due for resolution, as known at <paramref name="asOf"/>: when it was
    /// resolved or when its limit passed, whichever came first; null while neither has happened. Only a
    /// filed, not rejected case with a limit falls due.
    /// </summary>
    public static DateTimeOffset? FallsDueForResolution(ICaseFacts c, DateTimeOffset asOf) => FallsDue(c, c.ResolvedAt, asOf);

    /// <summary>Resolved, as known at <paramref name="asOf"/>, by its limit.</summary>
    public static bool ResolvedOnTime(ICaseFacts c, DateTimeOffset asOf) => OnTime(c, c.ResolvedAt, asOf);

    /// <summary>The instant the case falls due for closing: as <see cref="FallsDueForResolution"/>, with the closing.</summary>
    public static DateTimeOffset? FallsDueForClosing(ICaseFacts c, DateTimeOffset asOf) => FallsDue(c, c.ClosedAt, asOf);

    /// <summary>Closed, as known at <paramref name="asOf"/>, by its limit (EV08, HL02, DS02).</summary>
    public static bool ClosedOnTime(ICaseFacts c, DateTimeOffset asOf) => OnTime(c, c.ClosedAt, asOf);

    /// <summary>Closed as known at <paramref name="asOf"/>.</summary>
    public static bool IsClosed(ICaseFacts c, DateTimeOffset asOf) => Known(c.ClosedAt, asOf) is not null;

    /// <summary>Reworked (返工, EV09): reopened at least once.</summary>
    public static bool WasReopened(ICaseFacts c) => c.Reopenings > 0;

    private static DateTimeOffset? FallsDue(ICaseFacts c, DateTimeOffset? doneAt, DateTimeOffset asOf)
    {
        if (c.FiledAt is null || c.RejectedAt is not null || c.DueAt is not { } due) return null;
        var at = Known(doneAt, asOf) is { } done && done < due ? done : due;
        return at <= asOf ? at : null;
    }

    private static bool OnTime(ICaseFacts c, DateTimeOffset? doneAt, DateTimeOffset asOf) =>
        Known(doneAt, asOf) is { } done && c.DueAt is { } due && done <= due;

    // ---- whistles: 街道吹哨、部门报到 (WB01)

    /// <summary>
    /// The whistle's dispatch when it counts in WB01 as known at <paramref name="asOf"/>: once answered,
    /// or once its <see cref="WhistleAnswerLimit"/> has run out. A whistle still within it is neither
    /// late nor on time yet.
    /// </summary>
    public static DateTimeOffset? WhistleDecided(ICaseFacts c, DateTimeOffset asOf) =>
        c.Whistled && Known(c.DispatchedAt, asOf) is { } dispatched
        && (Known(c.RespondedAt, asOf) is not null || asOf - dispatched > WhistleAnswerLimit)
            ? dispatched : null;

    /// <summary>Answered, as known at <paramref name="asOf"/>, within <see cref="WhistleAnswerLimit"/> of the dispatch.</summary>
    public static bool WhistleAnsweredInTime(ICaseFacts c, DateTimeOffset asOf) =>
        Known(c.RespondedAt, asOf) - c.DispatchedAt <= WhistleAnswerLimit;

    /// <summary>The first instant an unanswered whistle counts as late.</summary>
    public static DateTimeOffset? WhistleLateFrom(ICaseFacts c) => c.DispatchedAt + WhistleAnswerLimit + TimeSpan.FromTicks(1);

    // ---- orders (群众点单, DS01) and ratings (SA01)

    public static bool IsOrder(ICaseFacts c) => c.Kind == CaseKind.Order;

    public static bool IsHotline(ICaseFacts c) => c.Kind == CaseKind.Hotline;

    /// <summary>An order is taken (接单) once someone responded to it, as known at <paramref name="asOf"/>.</summary>
    public static bool OrderTaken(ICaseFacts c, DateTimeOffset asOf) => Known(c.RespondedAt, asOf) is not null;

    /// <summary>A rating of 4–5 (满意).</summary>
    public static bool IsSatisfied(int score) => score >= SatisfiedScore;

    /// <summary>The case's rating when it has one; it counts on the instant it was given.</summary>
    public static (DateTimeOffset At, bool Satisfied)? Rating(ICaseFacts c) =>
        c.RatedAt is { } at && c.Score is { } score ? (at, IsSatisfied(score)) : null;

    // ---- repeat complaints (SA02)

    /// <summary>
    /// <paramref name="later"/> repeats <paramref name="earlier"/>: two 12345 reports of the same
    /// category, <paramref name="earlier"/> first (same instant: by case id) and at most
    /// <see cref="RepeatComplaintWindow"/> before.
    /// </summary>
    public static bool Repeats(ICaseFacts later, ICaseFacts earlier) =>
        IsHotline(later) && IsHotline(earlier) && later.CaseId != earlier.CaseId && later.Category == earlier.Category
        && later.ReportedAt is { } at && earlier.ReportedAt is { } before
        && (before < at || (before == at && string.CompareOrdinal(earlier.CaseId, later.CaseId) < 0))
        && at - before <= RepeatComplaintWindow;

    private static DateTimeOffset? Known(DateTimeOffset? t, DateTimeOffset asOf) => t <= asOf ? t : null;
}
