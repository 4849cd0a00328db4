namespace CityScreen.Dashboards.Panels;

/// <summary>
/// 共建单位: the resident units with projects in the area this year, ranked by projects completed,
/// then by the residents' mean rating, with projects claimed; <see cref="Rows"/> visible at once,
/// the rest scroll by as on the ranking board.
/// </summary>
public sealed record UnitRankingOptions(int Rows) : PanelOptions
{
    public const int DefaultRows = 6;

    /// <summary>A title strip, a column header and one line per row.</summary>
    public override int TextLines => 2 + Rows;
}
