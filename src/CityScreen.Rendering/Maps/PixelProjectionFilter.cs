using NetTopologySuite.Geometries;

namespace CityScreen.Rendering.Maps;

/// <summary>Rewrites a geometry copy from lon/lat to viewport pixels, so simplification and labelling work in pixels.</summary>
internal sealed class PixelProjectionFilter(MapViewport viewport) : ICoordinateSequenceFilter
{
    public bool Done => false;

    public bool GeometryChanged => true;

    public void Filter(CoordinateSequence seq, int i)
    {
        var (x, y) = viewport.ToPixel(seq.GetX(i), seq.GetY(i));
        seq.SetX(i, x);
        seq.SetY(i, y);
    }
}
