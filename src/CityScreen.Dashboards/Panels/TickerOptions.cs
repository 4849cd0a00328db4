namespace CityScreen.Dashboards.Panels;

/// <summary>The newest major, critical and overdue cases of the area, scrolling, <see cref="Rows"/> at a time.</summary>
public sealed record TickerOptions(int Rows) : PanelOptions
{
    public const int DefaultRows = 6;

    /// <summary>A title strip and one line per case.</summary>
    public override int TextLines => 1 + Rows;
}
