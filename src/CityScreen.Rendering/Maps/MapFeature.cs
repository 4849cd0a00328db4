using NetTopologySuite.Geometries;

namespace CityScreen.Rendering.Maps;

/// <summary>
/// One clickable area of the map. Geometry is WGS84 lon/lat; a null <paramref name="Value"/> means "no data".
/// <paramref name="Counts"/> is what the value is computed from ("numerator / denominator"), shown on hover.
/// </summary>
public sealed record MapFeature(string Id, string Name, Geometry Geometry, double? Value, string? ValueText = null, string? Counts = null);
