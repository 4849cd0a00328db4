using NetTopologySuite.Geometries;
using static CityScreen.Areas.Tests.GeoJsonText;

namespace CityScreen.Areas.Tests;

public class AreaTreeFacts
{
    // city c → district d → streets s1, s2 → community m1 (in s1) → grids g2, g1 (listed out of order on purpose)
    private static readonly AreaTree Tree = Load(Collection(
        Area("g2", "第2网格", "grid", "m1", Square(1, 0)),
        Area("g1", "第1网格", "grid", "m1", Square(0, 0)),
        Area("m1", "社区", "community", "s1", Square(0, 0, 2)),
        Area("s2", "乙街道", "street", "d", Square(2, 0, 2)),
        Area("s1", "甲街道", "street", "d", Square(0, 0, 2)),
        Area("d", "区", "district", "c", Square(0, 0, 4)),
        Area("c", "市", "city", null, Square(0, 0, 4))));

    [Fact]
    public void Root_is_the_city_and_count_is_every_area()
    {
        Assert.Equal("c", Tree.Root.Id);
        Assert.Null(Tree.Root.ParentId);
        Assert.Equal(7, Tree.Count);
    }

    [Fact]
    public void All_lists_parents_before_children()
    {
        var seen = new HashSet<string>();
        foreach (var area in Tree.All)
        {
            Assert.True(area.ParentId is null || seen.Contains(area.ParentId), $"{area.Id} came before its parent");
            seen.Add(area.Id);
        }
        Assert.Equal(7, seen.Count);
    }

    [Fact]
    public void Get_throws_key_not_found_naming_the_id()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Tree.Get("nowhere"));

        Assert.Contains("'nowhere'", error.Message);
        Assert.False(Tree.TryGet("nowhere", out _));
        Assert.True(Tree.TryGet("g1", out var grid));
        Assert.Equal("第1网格", grid.Name);
    }

    [Fact]
    public void Children_are_ordered_by_id()
    {
        Assert.Equal(["g1", "g2"], Tree.Children("m1").Select(a => a.Id));
        Assert.Equal(["g1", "g2"], Tree.Get("m1").ChildIds);
        Assert.Equal(["s1", "s2"], Tree.Children("d").Select(a => a.Id));
        Assert.Empty(Tree.Children("g1"));
        Assert.Throws<KeyNotFoundException>(() => Tree.Children("nowhere"));
    }

    [Fact]
    public void Ancestors_start_with_the_parent_and_end_with_the_root()
    {
        Assert.Equal(["m1", "s1", "d", "c"], Tree.Ancestors("g1").Select(a => a.Id));
        Assert.Empty(Tree.Ancestors("c"));
    }

    [Fact]
    public void Leaves_are_the_areas_without_children()
    {
        Assert.Equal(["g1", "g2", "s2"], Tree.Leaves.Select(a => a.Id).Order());
    }

    [Fact]
    public void AtLevel_returns_only_that_level()
    {
        Assert.Equal(["s1", "s2"], Tree.AtLevel(AreaLevel.Street).Select(a => a.Id).Order());
        Assert.Equal(["g1", "g2"], Tree.AtLevel(AreaLevel.Grid).Select(a => a.Id).Order());
    }

    [Theory]
    [InlineData("g1", "s1", true)]
    [InlineData("g1", "c", true)]
    [InlineData("g1", "g1", true)]
    [InlineData("g1", "s2", false)]
    [InlineData("s1", "g1", false)]
    [InlineData("nowhere", "c", false)]
    [InlineData("g1", "nowhere", false)]
    public void IsInSubtree_is_true_for_the_area_itself_and_everything_below(string id, string ancestorId, bool expected)
    {
        Assert.Equal(expected, Tree.IsInSubtree(id, ancestorId));
    }

    [Fact]
    public void Center_lies_inside_a_concave_area()
    {
        // A U whose centroid falls in the notch between its arms.
        const string u = """{"type":"Polygon","coordinates":[[[0,0],[3,0],[3,3],[2,3],[2,1],[1,1],[1,3],[0,3],[0,0]]]}""";
        var area = Load(Collection(Area("u", "U", "grid", null, u))).Root;

        var (lon, lat) = area.Center;
        Assert.True(area.Boundary.Contains(new Point(lon, lat)), $"({lon}, {lat}) is outside");
    }
}
