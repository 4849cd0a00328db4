using ScottPlot;

namespace CityScreen.Rendering.Charts;

/// <summary>
/// Renders charts on the server with ScottPlot 5 (ScottPlot.Blazor needs WebAssembly) as SVG whose text stays
/// &lt;text&gt;, so the browser draws the Chinese glyphs. Every call builds its own Plot: safe from many circuits at once.
/// </summary>
public sealed class ScottPlotChartRenderer : IChartRenderer
{
    public const string NoDataText = "暂无数据";

    public string RenderTrendSvg(TrendChartRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        ValidateSize(r.Width, r.Height);
        using var plot = TrendPlot.Build(r);
        var svg = Render(plot, r.Width, r.Height, r.Title);
        return ChartSvg.WithPoints(svg, TrendPoints.ToJson(plot, r));
    }

    public string RenderCategorySvg(CategoryChartRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        ValidateSize(r.Width, r.Height);
        using var plot = CategoryPlot.Build(r);
        return Render(plot, r.Width, r.Height, r.Title);
    }

    private static string Render(Plot plot, int width, int height, string title) =>
        ChartSvg.Finish(plot.GetSvgXml(width, height), width, height, title ?? string.Empty);

    private static void ValidateSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
    }
}
