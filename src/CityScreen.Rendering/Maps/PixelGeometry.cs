using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace CityScreen.Rendering.Maps;

/// <summary>Turns lon/lat geometries into simplified pixel-space geometries for one viewport.</summary>
internal static class PixelGeometry
{
    /// <summary>Half a pixel: anything finer cannot be seen, and dropping it keeps paths small.</summary>
    public const double SimplifyTolerance = 0.5;

    public static Geometry Project(Geometry lonLat, MapViewport viewport)
    {
        var pixels = lonLat.Copy();
        pixels.Apply(new PixelProjectionFilter(viewport));
        pixels.GeometryChanged();
        // Topology-preserving so holes stay inside their shells and small islands do not vanish into invalid rings.
        return TopologyPreservingSimplifier.Simplify(pixels, SimplifyTolerance);
    }

    public static Envelope Bounds(IEnumerable<MapFeature> features)
    {
        var bounds = new Envelope();
        foreach (var feature in features)
        {
            if (!feature.Geometry.IsEmpty)
                bounds.ExpandToInclude(feature.Geometry.EnvelopeInternal);
        }
        return bounds;
    }
}
