using CityScreen.Dashboards.Layouts;
using CityScreen.Dashboards.Panels;

namespace CityScreen.Dashboards.Validation;

/// <summary>How the enums are spelt in the files (docs/dashboards.md lists the same words).</summary>
internal static class JsonNames
{
    public static readonly IReadOnlyList<JsonChoice<ScaleMode>> ScaleModes =
        [new("fit", ScaleMode.Fit), new("fill", ScaleMode.Fill), new("real", ScaleMode.Real)];

    public static readonly IReadOnlyList<JsonChoice<PanelType>> PanelTypes =
    [
        new("title", PanelType.Title), new("clock", PanelType.Clock), new("map", PanelType.Map),
        new("kpi", PanelType.Kpi), new("trend48h", PanelType.Trend48h), new("trend30d", PanelType.Trend30d),
        new("categories", PanelType.Categories), new("ranking", PanelType.Ranking), new("ticker", PanelType.Ticker),
        new("redYellow", PanelType.RedYellow), new("index", PanelType.Index),
        new("departments", PanelType.Departments), new("whistles", PanelType.Whistles),
        new("colistFunnel", PanelType.ColistFunnel), new("doubleReport", PanelType.DoubleReport),
        new("unitRanking", PanelType.UnitRanking), new("lovePoints", PanelType.LovePoints),
    ];

    public static readonly IReadOnlyList<JsonChoice<AreaLevel>> AreaLevels =
        [new("district", AreaLevel.District), new("street", AreaLevel.Street), new("community", AreaLevel.Community), new("grid", AreaLevel.Grid)];

    public static readonly IReadOnlyList<JsonChoice<RankOrder>> RankOrders =
        [new("desc", RankOrder.Descending), new("asc", RankOrder.Ascending)];

    public static readonly IReadOnlyList<JsonChoice<RankBy>> RankBys =
        [new("indicator", RankBy.Indicator), new("index", RankBy.Index)];

    public static readonly IReadOnlyList<JsonChoice<DepartmentRankBy>> DepartmentRankBys =
        [new("onTime", DepartmentRankBy.OnTime), new("resolved", DepartmentRankBy.Resolved)];

    public static readonly IReadOnlyList<JsonChoice<CategoryWindow>> CategoryWindows =
        [new("30d", CategoryWindow.Days30), new("today", CategoryWindow.Today)];

    public static readonly IReadOnlyList<JsonChoice<CaseFlow>> CaseFlows =
        [new("reported", CaseFlow.Reported), new("closed", CaseFlow.Closed)];

    public static string Of(PanelType type) => PanelTypes.First(c => c.Value == type).Json;
}
