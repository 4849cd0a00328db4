namespace CityScreen.Dashboards.Panels;

/// <summary>
/// 双报到: the area's registered members (PM04) and units (UN01), members checking in today and PM01
/// as a headline row; above a community, then one row per community (<see cref="Rows"/> visible at
/// once, the rest scroll by as on the ranking board).
/// </summary>
public sealed record DoubleReportOptions(int Rows) : PanelOptions
{
    public const int DefaultRows = 5;

    /// <summary>A title strip, the headline (a number and its label: two lines), a column header and one line per row.</summary>
    public override int TextLines => 4 + Rows;
}
