using NetTopologySuite.Geometries;

namespace CityScreen.Rendering.Maps;

/// <summary>A feature with its geometry already in simplified viewport pixels.</summary>
internal sealed record ProjectedFeature(MapFeature Feature, Geometry Pixels);
