namespace CityScreen.Dashboards.Layouts;

/// <summary>The levels of the area tree a map or ranking can show (the city itself is never a child).</summary>
public enum AreaLevel
{
    District,
    Street,
    Community,
    Grid,
}
