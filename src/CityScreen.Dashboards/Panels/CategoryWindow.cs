namespace CityScreen.Dashboards.Panels;

/// <summary>The period whose cases a category breakdown counts.</summary>
public enum CategoryWindow
{
    Today,
    Days30,
}
