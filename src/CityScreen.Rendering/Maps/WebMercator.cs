namespace CityScreen.Rendering.Maps;

/// <summary>Spherical Web Mercator (EPSG:3857), the projection of every web map, so our pixels agree with tiles and clicks.</summary>
public static class WebMercator
{
    public const double EarthRadius = 6_378_137;

    /// <summary>Latitude where the square world map ends; beyond it the projection runs to infinity.</summary>
    public const double MaxLatitude = 85.05112878;

    /// <summary>Projects lon/lat degrees to metres; X grows east, Y grows north.</summary>
    public static (double X, double Y) Project(double lon, double lat)
    {
        var clamped = Math.Clamp(lat, -MaxLatitude, MaxLatitude);
        var x = EarthRadius * lon * Math.PI / 180;
        var y = EarthRadius * Math.Log(Math.Tan(Math.PI / 4 + clamped * Math.PI / 360));
        return (x, y);
    }
}
