namespace CityScreen.Areas.Generation;

/// <summary>A real street (code and name) and where its Voronoi seed starts, before relaxation.</summary>
internal sealed record StreetPlan(string Code, string Name, double Lon, double Lat);
