namespace CityScreen.Dashboards.Panels;

/// <summary>The time in the configured zone; the date (and weekday) on a second line.</summary>
public sealed record ClockOptions(bool Seconds = true, bool Date = true) : PanelOptions
{
    public override int TextLines => Date ? 2 : 1;
}
