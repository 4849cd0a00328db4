namespace CityScreen.Dashboards.Panels;

/// <summary>
/// The whistle board: the area's open whistles, newest first, each with the minutes waited and
/// the departments not there yet; <see cref="Rows"/> whistles visible at once, the rest scroll by.
/// </summary>
public sealed record WhistlesOptions(int Rows) : PanelOptions
{
    public const int DefaultRows = 4;

    /// <summary>A title strip, then two lines per whistle: the case, and the departments pending.</summary>
    public override int TextLines => 1 + 2 * Rows;
}
