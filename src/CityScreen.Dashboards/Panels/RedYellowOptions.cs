namespace CityScreen.Dashboards.Panels;

/// <summary>The counts of red (overdue) and yellow (due soon) cases; no options.</summary>
public sealed record RedYellowOptions : PanelOptions
{
    /// <summary>A title strip, two large numbers (counted as two lines) and their labels.</summary>
    public override int TextLines => 4;
}
