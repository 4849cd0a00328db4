using CityScreen.Areas.Generation;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Union;

namespace CityScreen.Areas.Tests;

public class PolygonPartitionFacts
{
    private static readonly WKTReader Wkt = new();

    [Fact]
    public void Split_partitions_a_parent_with_a_hole_and_an_island_exactly()
    {
        var parent = Wkt.Read("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4)), ((20 0, 22 0, 22 2, 20 2, 20 0)))");

        var cells = PolygonPartition.Split(parent, PolygonPartition.RandomSites(parent, 7, new Random(1)), relaxRounds: 3);

        Assert.Equal(7, cells.Count);
        AssertPartitions(parent, cells);
    }

    [Fact]
    public void Split_gives_a_piece_cut_off_by_a_concave_boundary_to_the_neighbour_around_it()
    {
        // A U; the first site sits in the notch, so its Voronoi cell reaches into both arms.
        var parent = Wkt.Read("POLYGON ((0 0, 3 0, 3 3, 2 3, 2 1, 1 1, 1 3, 0 3, 0 0))");
        Coordinate[] sites = [new(1.5, 2.5), new(1.5, 0.2)];

        var cells = PolygonPartition.Split(parent, sites, relaxRounds: 0);

        Assert.All(cells, cell => Assert.Equal(1, cell.NumGeometries));
        AssertPartitions(parent, cells);
    }

    [Fact]
    public void RandomSites_are_distinct_and_inside_and_follow_the_seed()
    {
        var parent = Wkt.Read("POLYGON ((0 0, 3 0, 3 3, 2 3, 2 1, 1 1, 1 3, 0 3, 0 0))");

        var sites = PolygonPartition.RandomSites(parent, 50, new Random(5));

        Assert.Equal(50, sites.Distinct().Count());
        Assert.All(sites, s => Assert.True(parent.Contains(parent.Factory.CreatePoint(s))));
        Assert.Equal(sites, PolygonPartition.RandomSites(parent, 50, new Random(5)));
    }

    private static void AssertPartitions(Geometry parent, IReadOnlyList<Geometry> cells)
    {
        Assert.All(cells, cell => Assert.True(cell.IsValid && !cell.IsEmpty));
        Assert.True(UnaryUnionOp.Union(cells).SymmetricDifference(parent).Area < 1e-9 * parent.Area, "the cells leave a gap");
        Assert.Equal(parent.Area, cells.Sum(c => c.Area), parent.Area * 1e-9);
    }
}
