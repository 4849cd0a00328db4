using NetTopologySuite.Geometries;

namespace CityScreen.Areas.Generation;

/// <summary>A street, community or grid of the demo city, as it will be written in DataV style.</summary>
internal sealed record GeneratedArea(string Id, string Name, AreaLevel Level, string ParentId, Geometry Boundary, AreaProfile Profile);
