namespace CityScreen.Dashboards.Panels;

/// <summary>
/// 部门报到: the departments serving the panel's area ranked by <see cref="By"/>, each with its
/// on-time arrival rate, resolution rate and the counts behind them; <see cref="Rows"/> visible at
/// once, the rest scroll by as on the ranking board (a row every <see cref="SecondsPerRow"/> seconds).
/// </summary>
public sealed record DepartmentsOptions(int Rows, DepartmentRankBy By, int SecondsPerRow = ScrollingBoard.DefaultSecondsPerRow) : PanelOptions
{
    public const int DefaultRows = 6;

    /// <summary>A title strip, a column header and one line per row.</summary>
    public override int TextLines => 2 + Rows;
}
