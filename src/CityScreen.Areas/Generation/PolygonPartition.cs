using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Triangulate;

namespace CityScreen.Areas.Generation;

/// <summary>
/// Splits a polygon into cells around sites: Voronoi cells, relaxed (Lloyd) so they come out even, clipped
/// to the parent. The cells partition the parent exactly: neighbouring Voronoi cells share their vertices bit
/// for bit and each clip keeps the parent's own vertices, so the only new coordinates are where a cell edge
/// crosses the parent's boundary. What floating point may still leave over (a sliver, or a piece of a cell cut
/// off by a concave boundary) goes to the neighbour with the longest common border.
/// </summary>
/// <remarks>
/// Coordinates are not rounded: snapping to 6 decimals (DataV's precision) bends long boundary edges through
/// the snapped points and leaves slivers of about 1e-8 of a community's area, more than the partition allows.
/// </remarks>
internal static class PolygonPartition
{
    /// <summary>
    /// Floating-point noise: a sliver this small (relative to the area it lies in) is left alone, since merging it
    /// would only add vertices. A partition is exact when its gaps and overlaps stay below <see cref="Tolerance"/>.
    /// </summary>
    private const double Negligible = 1e-12, Tolerance = 1e-9;

    public static IReadOnlyList<Geometry> Split(Geometry parent, IReadOnlyList<Coordinate> sites, int relaxRounds)
    {
        var current = sites.ToList();
        for (var round = 0; round < relaxRounds; round++)
            current = Clip(parent, current).Select(LabelPoint.Of).ToList();

        var cells = Clip(parent, current);
        GiveAwayDetachedParts(cells);
        FillGaps(parent, cells);
        RemoveOverlaps(cells);

        var difference = Math.Abs(cells.Sum(c => c.Area) - parent.Area);
        return difference <= Tolerance * parent.Area
            ? cells
            : throw new InvalidOperationException($"The cells miss or overlap {difference / parent.Area:E1} of the area they split.");
    }

    /// <summary>Distinct random sites inside the polygon, drawn uniformly from its envelope.</summary>
    public static List<Coordinate> RandomSites(Geometry polygon, int count, Random random)
    {
        var inside = PreparedGeometryFactory.Prepare(polygon);
        var envelope = polygon.EnvelopeInternal;
        var sites = new List<Coordinate>(count);
        while (sites.Count < count)
        {
            var site = new Coordinate(
                envelope.MinX + random.NextDouble() * envelope.Width,
                envelope.MinY + random.NextDouble() * envelope.Height);
            if (inside.Contains(polygon.Factory.CreatePoint(site)) && !sites.Contains(site))
                sites.Add(site);
        }
        return sites;
    }

    /// <summary>One cell per site, in site order, each clipped to the parent.</summary>
    private static List<Geometry> Clip(Geometry parent, List<Coordinate> sites)
    {
        // Voronoi in degrees would stretch cells east-west: a degree of longitude is cos(latitude) of a degree
        // of latitude. Build the diagram with longitudes shrunk to kilometre proportions, then stretch it back.
        var shrink = Math.Cos(parent.EnvelopeInternal.Centre.Y * Math.PI / 180);
        var toMetric = AffineTransformation.ScaleInstance(shrink, 1);
        var fromMetric = AffineTransformation.ScaleInstance(1 / shrink, 1);

        var metricSites = sites.Select(s => new Coordinate(s.X * shrink, s.Y)).ToList();
        var siteIndex = new Dictionary<Coordinate, int>();
        for (var i = 0; i < metricSites.Count; i++)
            siteIndex.Add(metricSites[i], i);

        var envelope = new Envelope(parent.EnvelopeInternal);
        envelope.ExpandBy(Math.Max(envelope.Width, envelope.Height));
        var builder = new VoronoiDiagramBuilder { ClipEnvelope = toMetric.Transform(parent.Factory.ToGeometry(envelope)).EnvelopeInternal };
        builder.SetSites(metricSites);
        var diagram = builder.GetDiagram(parent.Factory);

        var cells = new Geometry[sites.Count];
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var metricCell = diagram.GetGeometryN(i);
            var cell = fromMetric.Transform(metricCell);
            cells[siteIndex[(Coordinate)metricCell.UserData]] = Overlay(cell, parent, SpatialFunction.Intersection);
        }
        return cells.Select(c => c ?? throw new InvalidOperationException("Two sites fell on the same point.")).ToList();
    }

    /// <summary>A cell of a concave parent can come out in pieces: the pieces away from the main one go to a neighbour.</summary>
    private static void GiveAwayDetachedParts(List<Geometry> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].NumGeometries < 2)
                continue;
            var parts = Enumerable.Range(0, cells[i].NumGeometries).Select(cells[i].GetGeometryN).OrderByDescending(p => p.Area).ToList();
            cells[i] = parts[0];
            foreach (var part in parts.Skip(1))
            {
                var neighbour = LongestCommonBorder(cells, part, except: i) ?? i;
                cells[neighbour] = Union(cells[neighbour], part);
            }
        }
    }

    private static void FillGaps(Geometry parent, List<Geometry> cells)
    {
        var gaps = Overlay(parent, UnaryUnionOp.Union(cells), SpatialFunction.Difference);
        for (var i = 0; i < gaps.NumGeometries; i++)
        {
            var gap = gaps.GetGeometryN(i);
            if (gap.Area <= Negligible * parent.Area)
                continue;
            var neighbour = LongestCommonBorder(cells, gap, except: -1) ?? Nearest(cells, gap);
            cells[neighbour] = Union(cells[neighbour], gap);
        }
    }

    private static void RemoveOverlaps(List<Geometry> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            for (var j = i + 1; j < cells.Count; j++)
            {
                if (!cells[i].EnvelopeInternal.Intersects(cells[j].EnvelopeInternal))
                    continue;
                var overlap = Overlay(cells[i], cells[j], SpatialFunction.Intersection);
                if (overlap.Area > Negligible * cells[j].Area)
                    cells[j] = Overlay(cells[j], cells[i], SpatialFunction.Difference);
            }
        }
    }

    private static int? LongestCommonBorder(List<Geometry> cells, Geometry piece, int except)
    {
        int? best = null;
        var bestLength = 0.0;
        for (var i = 0; i < cells.Count; i++)
        {
            if (i == except || !cells[i].EnvelopeInternal.Intersects(piece.EnvelopeInternal))
                continue;
            var length = OverlayNGRobust.Overlay(cells[i].Boundary, piece.Boundary, SpatialFunction.Intersection).Length;
            if (length > bestLength)
                (best, bestLength) = (i, length);
        }
        return best;
    }

    private static int Nearest(List<Geometry> cells, Geometry piece) =>
        Enumerable.Range(0, cells.Count).MinBy(i => cells[i].Distance(piece));

    private static Geometry Union(Geometry a, Geometry b) => Overlay(a, b, SpatialFunction.Union);

    /// <summary>The polygonal part of an overlay: where two areas only touch, overlay also returns the shared line.</summary>
    private static Geometry Overlay(Geometry a, Geometry b, SpatialFunction operation) =>
        a.Factory.BuildGeometry(PolygonExtracter.GetPolygons(OverlayNGRobust.Overlay(a, b, operation)));
}
