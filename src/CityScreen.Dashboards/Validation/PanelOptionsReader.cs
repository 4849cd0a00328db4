using System.Text.Json;
using CityScreen.Dashboards.Layouts;
using CityScreen.Dashboards.Panels;

namespace CityScreen.Dashboards.Validation;

/// <summary>Reads the <c>options</c> object of a panel according to its type.</summary>
internal static class PanelOptionsReader
{
    public const int MaxKpis = 12;
    public const int MaxMapChoices = 12;

    public static PanelOptions? Read(PanelType type, JsonObjectReader o, DashboardOptions options)
    {
        var before = o.Errors.Count;
        PanelOptions? result = type switch
        {
            PanelType.Title => new TitleOptions(o.Boolean("breadcrumbs") ?? true),
            PanelType.Clock => Clock(o),
            PanelType.Map => Map(o, options),
            PanelType.Kpi => Kpi(o, options),
            PanelType.Trend48h or PanelType.Trend30d => Trend(o),
            PanelType.Categories => Categories(o),
            PanelType.Ranking => Ranking(o, options),
            PanelType.Ticker => new TickerOptions(o.Integer("rows", false, 1, 30) ?? TickerOptions.DefaultRows),
            PanelType.RedYellow => new RedYellowOptions(),
            PanelType.Index => new IndexOptions(),
            PanelType.Departments => new DepartmentsOptions(
                o.Integer("rows", false, 3, 30) ?? DepartmentsOptions.DefaultRows,
                o.Choice("by", false, JsonNames.DepartmentRankBys) ?? DepartmentRankBy.OnTime,
                SecondsPerRow(o)),
            PanelType.Whistles => new WhistlesOptions(o.Integer("rows", false, 2, 20) ?? WhistlesOptions.DefaultRows),
            PanelType.ColistFunnel => new ColistFunnelOptions(),
            PanelType.UnitRanking => new UnitRankingOptions(o.Integer("rows", false, 3, 30) ?? UnitRankingOptions.DefaultRows),
            PanelType.LovePoints => new LovePointsOptions(o.Integer("rows", false, 3, LovePointsOptions.MaxRows) ?? LovePointsOptions.DefaultRows),
            PanelType.DoubleReport => new DoubleReportOptions(o.Integer("rows", false, 2, 20) ?? DoubleReportOptions.DefaultRows),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no options reader for this panel type"),
        };
        o.Finish();
        return o.Errors.Count == before ? result : null;
    }

    private static ClockOptions Clock(JsonObjectReader o)
    {
        var seconds = o.Boolean("seconds") ?? true;
        var date = o.Boolean("date") ?? true;
        return new ClockOptions(seconds, date);
    }

    private static MapOptions? Map(JsonObjectReader o, DashboardOptions options)
    {
        var indicator = DomainFields.Indicator(o, "indicator", required: true, options);
        var level = o.Choice("level", false, JsonNames.AreaLevels);
        var choices = DomainFields.Indicators(o, "choices", required: false, MaxMapChoices, options);
        var newCaseMinutes = o.Integer("newCaseMinutes", false, 1, MapOptions.MaxNewCaseMinutes) ?? MapOptions.DefaultNewCaseMinutes;
        var sites = o.Boolean("sites") ?? false;
        if (indicator is null) return null;
        if (choices is not null && !choices.Contains(indicator))
        {
            o.Fail("choices", $"must include the indicator shown first, '{indicator}'");
            return null;
        }
        return new MapOptions(indicator, level, choices ?? [indicator], newCaseMinutes, sites);
    }

    private static KpiOptions? Kpi(JsonObjectReader o, DashboardOptions options)
    {
        var indicators = DomainFields.Indicators(o, "indicators", required: true, MaxKpis, options);
        var columns = o.Integer("columns", false, 1, 4);
        if (indicators is null) return null;
        return new KpiOptions(indicators, Math.Min(columns ?? KpiOptions.DefaultColumns, indicators.Count));
    }

    private static TrendOptions? Trend(JsonObjectReader o)
    {
        var items = o.Array("series", false, 1, JsonNames.CaseFlows.Count);
        if (items is null) return o.Has("series") ? null : new TrendOptions([CaseFlow.Reported, CaseFlow.Closed]);
        var series = new List<CaseFlow>();
        var names = JsonNames.CaseFlows.Select(c => c.Json).ToList();
        foreach (var (item, path) in items)
        {
            var name = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
            var flow = JsonNames.CaseFlows.FirstOrDefault(c => c.Json == name);
            if (name is null || flow.Json is null)
                o.Errors.Add(path, $"must be one of {string.Join(", ", names)}{(name is null ? "" : Spelling.Hint(name, names))}");
            else if (series.Contains(flow.Value))
                o.Errors.Add(path, $"'{name}' is listed twice");
            else
                series.Add(flow.Value);
        }
        return series.Count == items.Count ? new TrendOptions(series) : null;
    }

    private static CategoryOptions Categories(JsonObjectReader o)
    {
        var rows = o.Integer("rows", false, 3, 16) ?? CategoryOptions.DefaultRows;
        var window = o.Choice("window", false, JsonNames.CategoryWindows) ?? CategoryWindow.Days30;
        return new CategoryOptions(rows, window);
    }

    private static RankingOptions? Ranking(JsonObjectReader o, DashboardOptions options)
    {
        var by = o.Choice("by", false, JsonNames.RankBys);
        var byIndicator = by == RankBy.Indicator || (by is null && !o.Has("by"));
        var indicator = DomainFields.Indicator(o, "indicator", required: byIndicator, options);
        if (by == RankBy.Index && o.Has("indicator"))
            o.Fail("indicator", "must be left out when the ranking is by \"index\" (the development index)");
        var order = o.Choice("order", false, JsonNames.RankOrders) ?? RankOrder.Descending;
        var rows = o.Integer("rows", false, 3, 30) ?? RankingOptions.DefaultRows;
        var level = o.Choice("level", false, JsonNames.AreaLevels);
        var secondsPerRow = SecondsPerRow(o);
        if (byIndicator && indicator is null) return null;
        return new RankingOptions(byIndicator ? indicator : null, order, rows, level, by ?? RankBy.Indicator, secondsPerRow);
    }

    private static int SecondsPerRow(JsonObjectReader o) =>
        o.Integer("secondsPerRow", false, ScrollingBoard.MinSecondsPerRow, ScrollingBoard.MaxSecondsPerRow) ?? ScrollingBoard.DefaultSecondsPerRow;
}
