namespace CityScreen.Dashboards.Layouts;

/// <summary>
/// A wall or drill-down page as its file describes it, already validated: every panel lies on the
/// canvas, is readable at 5 m and names known indicators.
/// </summary>
public sealed record DashboardLayout(
    string Id,
    string Title,
    CanvasSize Canvas,
    ScaleMode Scale,
    string Area,
    int DwellSeconds,
    IReadOnlyList<Panel> Panels)
{
    public const int DefaultDwellSeconds = 30;

    public Panel? FindPanel(string id) => Panels.FirstOrDefault(p => p.Id == id);
}
