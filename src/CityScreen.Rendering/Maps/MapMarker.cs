namespace CityScreen.Rendering.Maps;

/// <summary>A point event on the map (WGS84 lon/lat), e.g. a newly reported case.</summary>
public sealed record MapMarker(string Id, double Lon, double Lat, MapMarkerKind Kind, string? Title = null);
