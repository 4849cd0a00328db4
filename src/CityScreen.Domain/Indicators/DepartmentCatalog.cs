using CityScreen.Contracts.Indicators;
using static CityScreen.Contracts.Indicators.DepartmentCounter;

namespace CityScreen.Domain.Indicators;

/// <summary>
/// The indicators of a department within an area (docs/domain.md §3, 吹哨报到), each defined over
/// the additive <see cref="DepartmentCounter"/>s as <see cref="IndicatorCatalog"/> is over the area's.
/// </summary>
public static class DepartmentCatalog
{
    public static readonly IReadOnlyList<DepartmentIndicator> All =
    [
        new("DP01", "被吹哨次数", IndicatorKind.Count, Summoned30, null, false, "次"),
        new("DP02", "按时报到率", IndicatorKind.Rate, ArrivedOnTime30, SummonsDecided30, false, "%"),
        new("DP03", "平均报到时长", IndicatorKind.Mean, ArriveSeconds30, Arrived30, true, "分钟", 1.0 / 60),
        new("DP04", "办结率", IndicatorKind.Rate, Resolved30, Handled30, false, "%"),
        new("DP05", "按期办结率", IndicatorKind.Rate, ResolvedOnTime30, Handled30, false, "%"),
        new("DP06", "满意率", IndicatorKind.Rate, Satisfied30, Ratings30, false, "%"),
        new("DP07", "街道评价均分", IndicatorKind.Mean, StreetScoreSum30, StreetScores30, false, "分"),
    ];

    private static readonly Dictionary<string, DepartmentIndicator> ById = All.ToDictionary(d => d.Id);

    public static DepartmentIndicator Get(string id) =>
        ById.TryGetValue(id, out var d) ? d : throw new KeyNotFoundException($"department indicator '{id}' is not in the catalogue");
}

/// <summary>One row of <see cref="DepartmentCatalog"/>.</summary>
public sealed record DepartmentIndicator(
    string Id,
    string Name,
    IndicatorKind Kind,
    DepartmentCounter Numerator,
    DepartmentCounter? Denominator,
    bool LowerIsBetter,
    string Unit,
    double Scale = 1)
{
    /// <summary>The value over one department's counters (null: nothing to divide by; no counters: no work, zero counts).</summary>
    public double? ValueOf(long[]? counters)
    {
        var numerator = (counters?[(int)Numerator] ?? 0) * Scale;
        if (Denominator is not { } d) return numerator;
        var denominator = counters?[(int)d] ?? 0;
        return denominator == 0 ? null : numerator / denominator;
    }
}
