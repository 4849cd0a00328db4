using System.Text;
using CityScreen.Rendering.Svg;
using NetTopologySuite.Geometries;

namespace CityScreen.Rendering.Maps;

/// <summary>
/// Writes polygonal pixel geometry as SVG path data: one subpath per ring, so a feature with holes
/// or islands is a single path drawn with <c>fill-rule="evenodd"</c>.
/// </summary>
internal static class SvgPathData
{
    public static string From(Geometry pixels)
    {
        var sb = new StringBuilder();
        AppendGeometry(sb, pixels);
        return sb.ToString();
    }

    private static void AppendGeometry(StringBuilder sb, Geometry geometry)
    {
        switch (geometry)
        {
            case Polygon polygon:
                AppendRing(sb, polygon.ExteriorRing);
                foreach (var hole in polygon.InteriorRings)
                    AppendRing(sb, hole);
                break;
            case GeometryCollection collection: // MultiPolygon is one
                foreach (var part in collection.Geometries)
                    AppendGeometry(sb, part);
                break;
        }
    }

    private static void AppendRing(StringBuilder sb, LineString ring)
    {
        var seq = ring.CoordinateSequence;
        // The closing point repeats the first; Z closes the subpath, so it is left out.
        var count = seq.Count - 1;
        if (count < 3)
            return;

        var start = sb.Length;
        var written = 0;
        long lastX = long.MinValue, lastY = long.MinValue;
        for (var i = 0; i < count; i++)
        {
            var x = Tenths(seq.GetX(i));
            var y = Tenths(seq.GetY(i));
            if (x == lastX && y == lastY)
                continue; // collapsed by rounding to 0.1 px
            sb.Append(written switch { 0 => "M", 1 => "L", _ => " " });
            SvgFormat.AppendCoord(sb, x / 10.0);
            sb.Append(',');
            SvgFormat.AppendCoord(sb, y / 10.0);
            lastX = x;
            lastY = y;
            written++;
        }

        if (written < 3)
            sb.Length = start; // a ring smaller than a pixel draws nothing
        else
            sb.Append('Z');
    }

    private static long Tenths(double value) => (long)Math.Round(value * 10, MidpointRounding.AwayFromZero);
}
