using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace CityScreen.Areas;

/// <summary>Where a label or a marker for an area goes: the centroid, unless a concave shape puts it outside.</summary>
internal static class LabelPoint
{
    public static Coordinate Of(Geometry boundary)
    {
        var centroid = boundary.Centroid.Coordinate;
        return SimplePointInAreaLocator.IsContained(centroid, boundary)
            ? centroid
            : boundary.InteriorPoint.Coordinate;
    }
}
