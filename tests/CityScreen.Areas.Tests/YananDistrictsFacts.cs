using NetTopologySuite.Geometries;

namespace CityScreen.Areas.Tests;

/// <summary>The real DataV districts of 延安市, loaded with default options.</summary>
public class YananDistrictsFacts
{
    private static readonly AreaTree Tree = SeedData.Load("yanan-districts.geojson");

    [Fact]
    public void Load_gives_thirteen_districts_under_the_city_they_name()
    {
        Assert.Equal(13, Tree.AtLevel(AreaLevel.District).Count());
        Assert.Equal(14, Tree.Count);
        Assert.Equal(("610600", AreaLevel.City), (Tree.Root.Id, Tree.Root.Level));
        Assert.Equal(13, Tree.Root.ChildIds.Count);
        var baota = Tree.Get("610602");
        Assert.Equal(("宝塔区", "610600"), (baota.Name, baota.ParentId));
    }

    [Fact]
    public void The_city_is_the_union_of_its_districts()
    {
        var districts = Tree.Children(Tree.Root.Id);
        var city = Tree.Root.Boundary;

        Assert.All(districts, d => Assert.True(city.Covers(d.Boundary.InteriorPoint), d.Name));
        // DataV's districts meet edge to edge, so the union covers what they cover, give or take their seams.
        Assert.Equal(districts.Sum(d => d.Boundary.Area), city.Area, districts.Sum(d => d.Boundary.Area) * 1e-4);
        Assert.Equal(districts.Sum(d => d.Profile.Population), Tree.Root.Profile.Population);
    }

    [Fact]
    public void Multi_polygon_parts_are_preserved()
    {
        var yanchang = Tree.Get("610621");

        Assert.Equal("延长县", yanchang.Name);
        Assert.Equal(3, Assert.IsType<MultiPolygon>(yanchang.Boundary).NumGeometries);
        // 宜川县's two DataV parts cross each other: the loader repairs that into one valid area.
        Assert.True(Tree.Get("610630").Boundary.IsValid);
    }
}
