using NetTopologySuite.Geometries;

namespace CityScreen.Areas;

/// <summary>One node of the area tree: a city, district, street, community or grid with its boundary (WGS84 lon/lat).</summary>
public sealed class Area
{
    internal Area(string id, string name, AreaLevel level, string? parentId, Geometry boundary, AreaProfile profile, IReadOnlyList<string> childIds)
    {
        Id = id;
        Name = name;
        Level = level;
        ParentId = parentId;
        Boundary = boundary;
        Profile = profile;
        ChildIds = childIds;
        var center = LabelPoint.Of(boundary);
        Center = (center.X, center.Y);
    }

    public string Id { get; }

    public string Name { get; }

    public AreaLevel Level { get; }

    /// <summary>Null for the root only.</summary>
    public string? ParentId { get; }

    /// <summary>A valid Polygon or MultiPolygon.</summary>
    public Geometry Boundary { get; }

    public AreaProfile Profile { get; }

    /// <summary>Ordered by id.</summary>
    public IReadOnlyList<string> ChildIds { get; }

    /// <summary>A point inside the area for its label: the centroid, or an interior point when the centroid falls outside.</summary>
    public (double Lon, double Lat) Center { get; }

    public override string ToString() => $"{Level.ToApiName()} {Id} {Name}";
}
