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
            // The full name at full size first; then the name without its level suffix (兰家坪社区 →
            // 兰家坪), then both a size smaller: on a wall of 40 communities most names still show.
            var centres = Candidates(area.Pixels).ToList();
            var full = area.Feature.Name.Trim();
            var attempt = Variants(full, fontSize)
                .SelectMany(v => centres.Select(c => (v.Text, v.Size, Box: BoxAt(c, v.Text, v.Size))))
                .FirstOrDefault(a => FitsInside(a.Box, area.Pixels) && !Collides(a.Box, taken, gap));
            if (attempt.Box is null)
                continue;

            taken.Add(attempt.Box);
            placed.Add(new MapLabel(area.Feature.Id, attempt.Text, attempt.Box.Centre.X, attempt.Box.Centre.Y, attempt.Size));
        }
        return placed;
    }

    private static readonly string[] LevelSuffixes = ["社区", "街道", "网格", "村", "镇", "乡"];
    private const double SmallerLabel = 0.8;

    private static IEnumerable<(string Text, double Size)> Variants(string name, double size)
    {
        var shortName = ShortName(name);
        yield return (name, size);
        if (shortName != name) yield return (shortName, size);
        yield return (name, size * SmallerLabel);
        if (shortName != name) yield return (shortName, size * SmallerLabel);
    }

    /// <summary>
    /// The name without what the map already says: a grid drops its community (兰家坪社区第3网格 →
    /// 第3网格), other areas their level (兰家坪社区 → 兰家坪).
    /// </summary>
    private static string ShortName(string name)
    {
        var community = name.LastIndexOf("社区", StringComparison.Ordinal);
        if (name.EndsWith("网格", StringComparison.Ordinal) && community > 0 && community + 2 < name.Length)
            return name[(community + 2)..];
        var suffix = LevelSuffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal) && name.Length > s.Length + 1);
        return suffix is null ? name : name[..^suffix.Length];
    }

    private static Envelope BoxAt(Coordinate c, string text, double size)
    {
        var halfWidth = TextMetrics.WidthEm(text) * size / 2;
        var halfHeight = LineHeightEm * size / 2;
        return new Envelope(c.X - halfWidth, c.X + halfWidth, c.Y - halfHeight, c.Y + halfHeight);
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
