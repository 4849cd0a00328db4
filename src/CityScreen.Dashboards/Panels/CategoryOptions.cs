namespace CityScreen.Dashboards.Panels;

/// <summary>Cases by category as bars, the largest <see cref="Rows"/> categories of <see cref="Window"/>.</summary>
public sealed record CategoryOptions(int Rows, CategoryWindow Window) : PanelOptions
{
    public const int DefaultRows = 6;

    /// <summary>A title strip and one line per bar (its label).</summary>
    public override int TextLines => 1 + Rows;
}
