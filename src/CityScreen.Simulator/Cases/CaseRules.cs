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

    /// <summary>Daily shares of event 事件, part 部件, hotline 12345, order 群众点单.</summary>
    public static readonly double[] KindShares = [0.45, 0.20, 0.28, 0.07];

    public const double RejectedShare = 0.04;
    public const double ResolvedOnTimeShare = 0.88;
    public const double ReopenedShare = 0.06;
    public const double RatedShare = 0.70;

    /// <summary>Whistles (街道吹哨) answered within 30 minutes (WB01).</summary>
    public const double WhistleAnsweredInTime = 0.90;

    /// <summary>Chance that a dispatch to a city department is a whistle, by level: mostly the bigger cases.</summary>
    public static readonly double[] WhistleChance = [0.13, 0.45, 0.70];

    /// <summary>
    /// Events one case sends on average: its report, then either a rejection or filed, dispatched,
    /// responded, resolved, closed, plus a reopening and second resolution for some and a rating for most.
    /// </summary>
    public static double ExpectedEventsPerCase =>
        1 + RejectedShare + (1 - RejectedShare) * (5 + 2 * ReopenedShare + RatedShare);

    /// <summary>The time limit (处置时限) from filing to the due time.</summary>
    public static TimeSpan Limit(int category, int level) => level switch
    {
        Critical => TimeSpan.FromHours(2),
        Major => TimeSpan.FromHours(8),
        _ => TimeSpan.FromHours(NormalLimitHours[category]),
    };

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
