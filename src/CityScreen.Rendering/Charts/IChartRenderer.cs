namespace CityScreen.Rendering.Charts;

/// <summary>Charts as self-contained SVG strings, to be placed in the page as markup.</summary>
public interface IChartRenderer
{
    string RenderTrendSvg(TrendChartRequest r);

    string RenderCategorySvg(CategoryChartRequest r);
}
