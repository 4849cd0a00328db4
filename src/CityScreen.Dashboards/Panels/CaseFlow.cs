namespace CityScreen.Dashboards.Panels;

/// <summary>The case counts a trend chart can draw per hour (48 h) or per day (30 d).</summary>
public enum CaseFlow
{
    Reported,
    Closed,
}
