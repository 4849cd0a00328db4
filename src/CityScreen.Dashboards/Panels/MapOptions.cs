using CityScreen.Dashboards.Layouts;

namespace CityScreen.Dashboards.Panels;

/// <summary>
/// The choropleth of <see cref="Indicator"/> over the areas of <see cref="Level"/> below the panel's
/// area. Null lets the renderer choose: the first level below with enough areas to make a picture
/// (a city of one district shows its streets). <see cref="Choices"/> are the indicators a viewer may
/// switch to, <see cref="Indicator"/> among them. Cases reported in the last
/// <see cref="NewCaseMinutes"/> pulse on the map as new. <see cref="Sites"/> lays the service sites
/// (阵地: 党群服务中心, 红色驿站, 帮办站) over it, each pulsing briefly when it reports people served.
/// </summary>
public sealed record MapOptions(string Indicator, AreaLevel? Level, IReadOnlyList<string> Choices, int NewCaseMinutes = MapOptions.DefaultNewCaseMinutes, bool Sites = false) : PanelOptions
{
    public const int DefaultNewCaseMinutes = 5;
    public const int MaxNewCaseMinutes = 120;

    /// <summary>
    /// Title strip, legend and area labels: labels must stay legible on the smallest areas, so a map
    /// counts as twelve lines; in practice it must be at least about 30 % of the canvas high.
    /// </summary>
    public override int TextLines => 12;
}
