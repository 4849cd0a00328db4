using CityScreen.Dashboards.Panels;

namespace CityScreen.Dashboards.Layouts;

/// <summary>
/// One panel of a layout: a rectangle of the canvas (<see cref="X"/>, <see cref="Y"/>, <see cref="W"/>,
/// <see cref="H"/> in canvas pixels) and what to draw in it. <see cref="Area"/> null means the layout's area.
/// </summary>
public sealed record Panel(
    string Id,
    PanelType Type,
    int X,
    int Y,
    int W,
    int H,
    PanelOptions Options,
    string? Area = null,
    string? Title = null,
    int? Z = null)
{
    public int Right => X + W;
    public int Bottom => Y + H;

    /// <summary>The panel's own area if it names one, else the layout's.</summary>
    public string AreaIn(DashboardLayout layout) => Area ?? layout.Area;
}
