using CityScreen.Dashboards.Layouts;

namespace CityScreen.Dashboards.Panels;

/// <summary>
/// A scrolling board of the areas of <see cref="Level"/> below the panel's area ranked by
/// <see cref="Indicator"/>, or by the development index when <see cref="By"/> is
/// <see cref="RankBy.Index"/> (then <see cref="Indicator"/> is null); <see cref="Rows"/> visible at
/// once, the rest scroll by, a row every <see cref="SecondsPerRow"/> seconds. Null lets the renderer choose, as for the map: the children, or the
/// first level below with more than one area.
/// </summary>
public sealed record RankingOptions(string? Indicator, RankOrder Order, int Rows, AreaLevel? Level, RankBy By = RankBy.Indicator,
    int SecondsPerRow = ScrollingBoard.DefaultSecondsPerRow) : PanelOptions
{
    public const int DefaultRows = 8;

    /// <summary>A title strip, a column header and one line per row.</summary>
    public override int TextLines => 2 + Rows;
}
