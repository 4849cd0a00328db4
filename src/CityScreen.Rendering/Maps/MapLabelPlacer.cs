using CityScreen.Rendering.Svg;
using NetTopologySuite.Algorithm.Construct;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace CityScreen.Rendering.Maps;

/// <summary>
/// Puts each area's name inside it, largest areas first, and drops a name that would
/// stick out of its area or collide with one already placed: a missing label reads better than a pile.
/// </summary>
internal static class MapLabelPlacer
{
    /// <summary>Label box height in em; CJK glyphs fill nearly the whole em box.</summary>
    private const double LineHeightEm = 1.15;

    public static IReadOnlyList<MapLabel> Place(
        IEnumerable<ProjectedFeature> areas, double fontSize, IEnumerable<Envelope> obstacles, string? highlightId)
    {
        var taken = obstacles.ToList();
        var gap = fontSize * 0.25;
        var placed = new List<MapLabel>();

        var ordered = areas
            .Where(a => !a.Pixels.IsEmpty && !string.IsNullOrWhiteSpace(a.Feature.Name))
            .OrderByDescending(a => a.Feature.Id == highlightId)
            .ThenByDescending(a => a.Pixels.Area)
            .ThenBy(a => a.Feature.Id, StringComparer.Ordinal);

        foreach (var area in ordered)
        {
            var text = area.Feature.Name.Trim();
            var halfWidth = TextMetrics.WidthEm(text) * fontSize / 2;
            var halfHeight = LineHeightEm * fontSize / 2;
            var box = Candidates(area.Pixels)
                .Select(c => new Envelope(c.X - halfWidth, c.X + halfWidth, c.Y - halfHeight, c.Y + halfHeight))
                .FirstOrDefault(b => FitsInside(b, area.Pixels) && !Collides(b, taken, gap));
            if (box is null)
                continue;

            taken.Add(box);
            placed.Add(new MapLabel(area.Feature.Id, text, box.Centre.X, box.Centre.Y));
        }
        return placed;
    }

    /// <summary>
    /// The interior point first (cheap, and what readers expect); for long thin or holed areas, where it often
    /// sits in a narrow neck, the centre of the largest inscribed circle, the roomiest spot in the area.
    /// </summary>
    private static IEnumerable<Coordinate> Candidates(Geometry area)
    {
        if (area.InteriorPoint.Coordinate is { } interior)
            yield return interior;
        if (area is IPolygonal)
            yield return new MaximumInscribedCircle(area, 1.0).GetCenter().Coordinate;
    }

    private static bool Collides(Envelope box, List<Envelope> taken, double gap)
    {
        var padded = box.Copy();
        padded.ExpandBy(gap);
        return taken.Exists(t => t.Intersects(padded));
    }

    /// <summary>Cheap "does the name fit": the box is no larger than the area and its four edge midpoints lie inside it.</summary>
    private static bool FitsInside(Envelope box, Geometry area)
    {
        var bounds = area.EnvelopeInternal;
        if (box.Width > bounds.Width || box.Height > bounds.Height)
            return false;

        var locator = new IndexedPointInAreaLocator(area);
        var centre = box.Centre;
        Coordinate[] probes =
        [
            new(box.MinX, centre.Y), new(box.MaxX, centre.Y),
            new(centre.X, box.MinY), new(centre.X, box.MaxY),
        ];
        return probes.All(p => locator.Locate(p) != Location.Exterior);
    }
}
