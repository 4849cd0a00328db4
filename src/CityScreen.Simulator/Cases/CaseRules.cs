using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Cases;

/// <summary>
/// Shares and time limits of the case lifecycle (GB/T 30428: 上报 → 立案 → 派遣 → 处置 → 核查结案 → 评价),
/// set near the published anchors of docs/domain.md §5 (按期结案率 75–99 %, 满意率 ≥ 85 %).
/// </summary>
internal static class CaseRules
{
    // Indexes into CaseVocabulary.Kinds and CaseVocabulary.Levels.
    public const int Event = 0, Part = 1, Hotline = 2, Order = 3;
    public const int Normal = 0, Major = 1, Critical = 2;

    /// <summary>
    /// Daily shares of event 事件, part 部件, hotline 12345, order 群众点单. Of what grid workers find,
    /// parts (broken facilities) are a few percent — 2.3 % to 2.5 % in the monthly reports of two
    /// digital city-management centres, seed-data/REFERENCE.md — so 3 of the 65 points (4.6 %).
    /// </summary>
    public static readonly double[] KindShares = [0.62, 0.03, 0.28, 0.07];

    /// <summary>不予立案: reported but not filed, 5.5 % in the published monthly report (seed-data/REFERENCE.md).</summary>
    public const double RejectedShare = 0.055;
    public const double ResolvedOnTimeShare = 0.88;
    /// <summary>返工: sent back after a failed check, 5.2 % of a month's cases in the published report (seed-data/REFERENCE.md).</summary>
    public const double ReopenedShare = 0.052;
    public const double RatedShare = 0.70;

    // The workflow steps besides the main line, as shares of the cases due (filed). Published evaluations of
    // city grid and 12345 platforms put extensions (延期) at about 0.2 % and returns (退回/返工: a dispatch
    // sent back as not the receiver's remit, then sent on again) at about 0.5 % of the cases due; stopping a
    // case's clock (挂账/暂停) is rarer still, and a few returns are reassigned (改派) by the platform
    // rather than dispatched anew.
    public const double ExtendedShare = 0.002;
    public const double ReturnedShare = 0.005;
    public const double SuspendedShare = 0.0005;
    public const double ReassignedAfterReturnShare = 0.4;

    /// <summary>Share of cases due whose dispatch goes to a department (not a community, a property company or a Party branch): only those are returned.</summary>
    public const double DepartmentDispatchShare = 0.86;

    /// <summary>
    /// How often a street blows the whistle (街道吹哨): a few times a week, for hard cases (major or critical).
    /// The chance per hard case is set from the case rate so the cadence holds whatever the event rate.
    /// </summary>
    public const double WhistlesPerStreetPerWeek = 3;

    /// <summary>Share of reported cases that are hard: major or critical, filed, not a 群众点单 (about 6 % with <see cref="CategoryMix"/>).</summary>
    public const double HardCaseShare = 0.06;

    /// <summary>Share of whistles blown after an ordinary dispatch stalled; the others come at once with the dispatch.</summary>
    public const double WhistleAfterStallShare = 0.8;

    /// <summary>Minutes a summoned department has to arrive (报到), unless the case is urgent.</summary>
    public const int RespondWithinMinutes = 30;

    /// <summary>Share of 12345 callers who call again about the same category within 30 days (重复来电).</summary>
    public const double RepeatCallerShare = 0.04;

    /// <summary>How far a late case runs over, relative to a normal one: serious cases are chased hardest.</summary>
    public static readonly double[] OverrunByLevel = [1, 0.3, 0.1];

    /// <summary>The chance per hard case that makes <see cref="WhistlesPerStreetPerWeek"/> for <paramref name="streets"/> streets.</summary>
    public static double WhistleChance(double casesPerSecond, int streets) =>
        casesPerSecond <= 0 || streets == 0
            ? 0
            : Math.Min(1, WhistlesPerStreetPerWeek * streets / (casesPerSecond * 7 * 86400 * HardCaseShare));

    /// <summary>
    /// Events one case sends on average: its report, then either a rejection or filed, dispatched,
    /// responded, resolved, closed, plus a reopening and second resolution for some and a rating for most.
    /// Returns add a return and a second dispatch, extensions one step, suspensions two; whistles are too
    /// rare to count.
    /// </summary>
    public static double ExpectedEventsPerCase =>
        1 + RejectedShare + (1 - RejectedShare) * (5 + 2 * ReopenedShare + RatedShare + 2 * ReturnedShare + ExtendedShare + 2 * SuspendedShare);

    /// <summary>The time limit (处置时限) from filing to the due time.</summary>
    public static TimeSpan Limit(int category, int level) => level switch
    {
        Critical => TimeSpan.FromHours(2),
        Major => TimeSpan.FromHours(8),
        _ => TimeSpan.FromHours(NormalLimitHours[category]),
    };

    /// <summary>
    /// The limit of a 12345 work order filed with <c>limitHours</c>: urgent ones (major, critical) in natural
    /// hours like <see cref="Limit"/>, ordinary ones in working hours (工作时), 24 to 72 of them.
    /// </summary>
    public static (double Hours, bool Working) HotlineLimit(int category, int level) =>
        level == Normal ? (Math.Max(24, NormalLimitHours[category]), true) : (Limit(category, level).TotalHours, false);

    // In the order of CaseVocabulary.Categories: street nuisances in a day, repairs in two, disputes,
    // housing and greenery in three; an emergency that is "normal" still gets half a day.
    private static readonly int[] NormalLimitHours =
        [24, 24, 48, 12, 24, 48, 48, 72, 72, 72, 24, 24, 24, 24, 48, 48];

    static CaseRules()
    {
        if (NormalLimitHours.Length != CaseVocabulary.Categories.Count)
            throw new InvalidOperationException("a time limit is needed for every category");
    }
}
