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
/// 30 days, a day, the index's window). A limit moved by an extension (延期) is the case's
/// <see cref="ICaseFacts.DueAt"/>; suspended time (挂账) is added to it here, so the clock stops
/// while a case is suspended; working-hour limits (工作时) are turned into a due time at ingest.
/// </para>
/// </summary>
public static class CaseRules
{
    /// <summary>A dispatch with <c>whistle: true</c> answered within this time counts as on time (WB01 吹哨报到及时率).</summary>
    public static readonly TimeSpan WhistleAnswerLimit = TimeSpan.FromMinutes(30);

    /// <summary>The minutes a <c>case.whistled</c> gives each summoned department when it names none.</summary>
    public const int DefaultRespondWithinMinutes = 30;

    /// <summary>
    /// A 12345 case is answered (响应, HL03) when a department or member responds within this time
    /// of its dispatch (of its report, while it is not dispatched): the usual 接诉即办 rule of
    /// contacting the caller within a day.
    /// </summary>
    public static readonly TimeSpan HotlineResponseLimit = TimeSpan.FromHours(24);

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

    /// <summary>Red (超期): open, not suspended, and past its limit at <paramref name="now"/>.</summary>
    public static bool IsOverdue(ICaseFacts c, DateTimeOffset now) =>
        IsOpen(c) && !IsSuspendedAt(c, now) && DueAt(c, now) is { } due && now > due;

    /// <summary>Yellow (临期): open, not suspended, not past its limit, and at least <see cref="YellowShare"/> of it gone.</summary>
    public static bool IsYellow(ICaseFacts c, DateTimeOffset now) =>
        IsOpen(c) && !IsSuspendedAt(c, now) && DueAt(c, now) is { } due && c.DueAt is { } limit && c.FiledAt is { } filed && now <= due
        && (now - filed - SuspendedTime(c, now)).Ticks >= YellowShare * (limit - filed).Ticks;

    /// <summary>The instant an open case turns yellow, when its limit is after its filing (after every suspension it has had).</summary>
    public static DateTimeOffset? TurnsYellowAt(ICaseFacts c) =>
        c.DueAt is { } due && c.FiledAt is { } filed && due > filed
            ? filed + TimeSpan.FromTicks((long)(YellowShare * (due - filed).Ticks)) + SuspendedTime(c, DateTimeOffset.MaxValue)
            : null;

    // ---- time limits moved: 延期 (extension) and 挂账 (suspension)

    /// <summary>
    /// The limit as it stands at <paramref name="asOf"/>: <see cref="ICaseFacts.DueAt"/> (filed or
    /// extended) plus the time the case spent suspended up to then. While suspended it moves with
    /// the clock, so a suspended case never turns red.
    /// </summary>
    public static DateTimeOffset? DueAt(ICaseFacts c, DateTimeOffset asOf)
    {
        if (c.DueAt is not { } due) return null;
        var suspended = SuspendedTime(c, asOf);
        return suspended == TimeSpan.Zero || due > DateTimeOffset.MaxValue - suspended ? due : due + suspended;
    }

    /// <summary>Suspended (挂账) at <paramref name="asOf"/>.</summary>
    public static bool IsSuspendedAt(ICaseFacts c, DateTimeOffset asOf)
    {
        foreach (var s in c.Suspensions)
            if (s.From <= asOf && (s.To is not { } to || to > asOf)) return true;
        return false;
    }

    /// <summary>Open and suspended at <paramref name="now"/> (EV13 挂账数).</summary>
    public static bool IsSuspended(ICaseFacts c, DateTimeOffset now) => IsOpen(c) && IsSuspendedAt(c, now);

    /// <summary>How long the case was suspended before <paramref name="asOf"/>.</summary>
    public static TimeSpan SuspendedTime(ICaseFacts c, DateTimeOffset asOf)
    {
        var total = TimeSpan.Zero;
        foreach (var s in c.Suspensions)
        {
            if (s.From >= asOf) continue;
            var end = s.To is { } to && to < asOf ? to : asOf;
            if (end == DateTimeOffset.MaxValue) continue;   // an open suspension has no length "at the end of time"
            total += end - s.From;
        }
        return total;
    }

    /// <summary>An extension (延期) moved the limit (EV12 延期率, over the cases falling due for closing).</summary>
    public static bool WasExtended(ICaseFacts c) => c.Extended;

    /// <summary>
    /// Open at the end of a period ending at <paramref name="end"/> (exclusive): filed before it and
    /// neither closed nor rejected before it. The rollups' 红灯 at the end of each day counts these.
    /// </summary>
    public static bool WasOpenAt(ICaseFacts c, DateTimeOffset end) =>
        c.FiledAt < end && !(c.ClosedAt < end) && !(c.RejectedAt < end);

    /// <summary>Open at the end of a period and past its limit by then (EV03 per day).</summary>
    public static bool WasOverdueAt(ICaseFacts c, DateTimeOffset end) =>
        WasOpenAt(c, end) && !IsSuspendedAt(c, end) && DueAt(c, end) < end;

    /// <summary>A report of this level is an alarm on the wall (较大 and 重大).</summary>
    public static bool IsAlarming(CaseLevel level) => level is CaseLevel.Major or CaseLevel.Critical;

    /// <summary>
    /// A step that handles a case as far as the wall's alarm is concerned (处置完毕, 结案 or 不予立案):
    /// the marker of a case that alarmed stops pulsing then.
    /// </summary>
    public static bool EndsAlarm(string eventType) => eventType is EventTypes.CaseResolved or EventTypes.CaseClosed or EventTypes.CaseRejected;

    /// <summary>Whether a case of <paramref name="level"/> alarmed by <paramref name="asOf"/>: an alarming level, or past its limit.</summary>
    public static bool HasAlarmed(ICaseFacts c, CaseLevel level, DateTimeOffset asOf) => IsAlarming(level) || DueAt(c, asOf) < asOf;

    /// <summary>
    /// Whether the wall's alarm for a case still stands at <paramref name="now"/>: the case is not
    /// handled yet (resolved, closed or rejected, the steps of <see cref="EndsAlarm"/>) and is of an
    /// alarming level or red. A restarted host rebuilds its open alarms by this rule.
    /// </summary>
    public static bool AlarmStands(ICaseFacts c, CaseLevel level, DateTimeOffset now) =>
        c.ResolvedAt is null && c.ClosedAt is null && c.RejectedAt is null && (IsAlarming(level) || IsOverdue(c, now));

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
        if (c.FiledAt is null || c.RejectedAt is not null || c.DueAt is null) return null;
        if (Known(doneAt, asOf) is { } done && done <= DueAt(c, done)) return done;
        // Not done in time: it fell due when its limit passed, suspended time added up to then.
        var due = DueAt(c, asOf)!.Value;
        return due <= asOf ? due : null;
    }

    private static bool OnTime(ICaseFacts c, DateTimeOffset? doneAt, DateTimeOffset asOf) =>
        Known(doneAt, asOf) is { } done && DueAt(c, done) is { } due && done <= due;

    // ---- whistles: 街道吹哨、部门报到 (WB01, and each department's DP01–DP03)

    /// <summary>
    /// A whistle counts in WB01, as known at <paramref name="asOf"/>, once every summoned department
    /// arrived or once its limit ran out; a whistle still within it is neither late nor on time yet.
    /// It counts on the instant it was blown.
    /// </summary>
    public static bool IsDecided(CaseWhistle w, DateTimeOffset asOf)
    {
        if (w.At > asOf) return false;
        if (asOf > w.Deadline) return true;
        foreach (var s in w.Summoned)
            if (Known(s.ArrivedAt, asOf) is null) return false;
        return true;
    }

    /// <summary>On time (WB01): every summoned department arrived, as known at <paramref name="asOf"/>, within the limit timed from the whistle.</summary>
    public static bool IsOnTime(CaseWhistle w, DateTimeOffset asOf)
    {
        foreach (var s in w.Summoned)
            if (!ArrivedOnTime(w, s, asOf)) return false;
        return true;
    }

    /// <summary>One department's summons counts (DP02) once it arrived or the whistle's limit ran out.</summary>
    public static bool IsDecided(CaseWhistle w, Summons s, DateTimeOffset asOf) =>
        w.At <= asOf && (Known(s.ArrivedAt, asOf) is not null || asOf > w.Deadline);

    /// <summary>The department arrived (报到) within the whistle's limit, as known at <paramref name="asOf"/> (DP02 按时报到率).</summary>
    public static bool ArrivedOnTime(CaseWhistle w, Summons s, DateTimeOffset asOf) =>
        Known(s.ArrivedAt, asOf) is { } arrived && arrived <= w.Deadline;

    /// <summary>The case's whistles decided by <paramref name="asOf"/>: when each was blown, and whether it was on time.</summary>
    public static IEnumerable<(DateTimeOffset At, bool OnTime)> DecidedWhistles(ICaseFacts c, DateTimeOffset asOf)
    {
        foreach (var w in c.Whistles)
            if (IsDecided(w, asOf)) yield return (w.At, IsOnTime(w, asOf));
    }

    /// <summary>
    /// The whistles of a case that stand open at <paramref name="now"/> (the wall's whistle board):
    /// blown, not every department arrived yet, and the case not closed.
    /// </summary>
    public static IEnumerable<CaseWhistle> OpenWhistles(ICaseFacts c, DateTimeOffset now)
    {
        if (IsClosed(c, now) || Known(c.RejectedAt, now) is not null) yield break;
        foreach (var w in c.Whistles)
            if (w.At <= now && !w.Summoned.All(s => Known(s.ArrivedAt, now) is not null)) yield return w;
    }

    // ---- orders (群众点单, DS01) and ratings (SA01)

    public static bool IsOrder(ICaseFacts c) => c.Kind == CaseKind.Order;

    public static bool IsHotline(ICaseFacts c) => c.Kind == CaseKind.Hotline;

    /// <summary>An order is taken (接单) once someone responded to it, as known at <paramref name="asOf"/>.</summary>
    public static bool OrderTaken(ICaseFacts c, DateTimeOffset asOf) => Known(c.RespondedAt, asOf) is not null;

    /// <summary>A rating of 4–5 (满意).</summary>
    public static bool IsSatisfied(int score) => score >= SatisfiedScore;

    /// <summary>
    /// A 12345 case is decided for 响应率 (HL03) once responded or once <see cref="HotlineResponseLimit"/>
    /// ran out, timed from its first dispatch (its report while undispatched); it counts on the day
    /// it was reported. Null for other cases and while undecided.
    /// </summary>
    public static bool? HotlineAnswered(ICaseFacts c, DateTimeOffset asOf)
    {
        if (!IsHotline(c) || Known(c.ReportedAt, asOf) is not { } reported) return null;
        var from = Known(c.DispatchedAt, asOf) ?? reported;
        if (Known(c.RespondedAt, asOf) is { } answered) return answered - from <= HotlineResponseLimit;
        return asOf - from > HotlineResponseLimit ? false : null;
    }

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
