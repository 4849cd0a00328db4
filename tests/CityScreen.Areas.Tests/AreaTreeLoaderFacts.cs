using System.Text;
using NetTopologySuite.Geometries;
using static CityScreen.Areas.Tests.GeoJsonText;

namespace CityScreen.Areas.Tests;

public class AreaTreeLoaderFacts
{
    private static readonly string City = Area("c", "市", "city", null, Square(0, 0, 2));

    private static AreaImportException LoadFails(string json, AreaFileOptions? options = null) =>
        Assert.Throws<AreaImportException>(() => Load(json, options));

    [Fact]
    public void Load_reads_DataV_properties_with_numeric_adcodes()
    {
        var json = Collection(
            Feature(new { adcode = 610600, name = "延安市", level = "city", parent = new { adcode = 610000 } }, Square(0, 0, 2)),
            Feature(new { adcode = 610602, name = "宝塔区", level = "district", parent = new { adcode = 610600 } }, Square(0, 0)));

        var tree = Load(json);

        Assert.Equal("610600", tree.Root.Id);
        Assert.Null(tree.Root.ParentId); // DataV's province is above the screen's tree
        var district = tree.Get("610602");
        Assert.Equal(("宝塔区", AreaLevel.District, "610600"), (district.Name, district.Level, district.ParentId));
    }

    [Fact]
    public void Load_reads_custom_property_names_from_the_options()
    {
        var json = Collection(
            Feature(new { code = "S1", title = "甲街道", kind = "街道" }, Square(0, 0, 2)),
            Feature(new { code = "M1", title = "乙社区", kind = "社区", up = "S1" }, Square(0, 0)));
        var options = new AreaFileOptions { IdProperty = "code", NameProperty = "title", LevelProperty = "kind", ParentProperty = "up" };

        var tree = Load(json, options);

        Assert.Equal("S1", tree.Root.Id);
        Assert.Equal(AreaLevel.Street, tree.Root.Level);
        var community = tree.Get("M1");
        Assert.Equal(("乙社区", AreaLevel.Community, "S1"), (community.Name, community.Level, community.ParentId));
    }

    [Fact]
    public void Load_follows_dotted_paths_into_nested_objects()
    {
        var json = Collection(
            Feature(new { id = "m", name = "社区", kind = "community", meta = new { owner = new { id = "s" } } }, Square(0, 0)),
            Feature(new { id = "s", name = "街道", kind = "street" }, Square(0, 0, 2)));

        var tree = Load(json, new AreaFileOptions { IdProperty = "id", LevelProperty = "kind", ParentProperty = "meta.owner.id" });

        Assert.Equal("s", tree.Get("m").ParentId);
    }

    [Fact]
    public void Load_gives_every_feature_the_fixed_level_when_the_file_has_no_level_property()
    {
        var json = Collection(
            Feature(new { adcode = "g1", name = "第1网格", parent = new { adcode = "m" } }, Square(0, 0)),
            Feature(new { adcode = "g2", name = "第2网格", parent = new { adcode = "m" } }, Square(1, 0)));

        var tree = Load(json, new AreaFileOptions { Level = "网格" });

        Assert.All(tree.Leaves, grid => Assert.Equal(AreaLevel.Grid, grid.Level));
        Assert.Equal(AreaLevel.Community, tree.Root.Level);
    }

    [Fact]
    public void Load_keeps_holes_and_islands()
    {
        const string withHole = """{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[4,6],[6,6],[6,4],[4,4]]]}""";
        const string withIsland = """{"type":"MultiPolygon","coordinates":[[[[20,0],[30,0],[30,10],[20,10],[20,0]]],[[[40,0],[41,0],[41,1],[40,1],[40,0]]]]}""";

        var tree = Load(Collection(
            Area("a", "有湖的社区", "community", "s", withHole),
            Area("b", "有岛的社区", "community", "s", withIsland)));

        var holed = Assert.IsType<Polygon>(tree.Get("a").Boundary);
        Assert.Equal(1, holed.NumInteriorRings);
        Assert.Equal(96, holed.Area, 9);
        var islands = Assert.IsType<MultiPolygon>(tree.Get("b").Boundary);
        Assert.Equal(2, islands.NumGeometries);
        Assert.Equal(101, islands.Area, 9);
    }

    [Fact]
    public void Load_synthesizes_a_missing_parent_from_the_union_of_its_children()
    {
        var tree = Load(Collection(
            Area("g1", "第1网格", "grid", "m", Square(0, 0)),
            Area("g2", "第2网格", "grid", "m", Square(1, 0)),
            Area("g3", "第3网格", "grid", "m", """{"type":"Polygon","coordinates":[[[0,1],[2,1],[2,2],[0,2],[0,1]]]}""")));

        var community = tree.Root;
        Assert.Equal(("m", "m", AreaLevel.Community), (community.Id, community.Name, community.Level));
        Assert.Equal(4, community.Boundary.Area, 9);
        Assert.IsType<Polygon>(community.Boundary); // one piece: the shared edges are gone
        Assert.Equal(["g1", "g2", "g3"], community.ChildIds);
    }

    [Fact]
    public void Load_merges_files_and_synthesizes_the_city_above_districts_from_several_files()
    {
        var tree = AreaTreeLoader.Load([
            ("east.geojson", Stream(Collection(Area("d1", "东区", "district", "c", Square(0, 0)))), new AreaFileOptions()),
            ("west.geojson", Stream(Collection(Area("d2", "西区", "district", "c", Square(-1, 0)))), new AreaFileOptions()),
        ]);

        Assert.Equal("c", tree.Root.Id);
        Assert.Equal(AreaLevel.City, tree.Root.Level);
        Assert.Equal(2, tree.Root.Boundary.Area, 9);
    }

    [Fact]
    public void Load_sums_child_profiles_into_parents_without_their_own()
    {
        var tree = Load(Collection(
            City,
            Feature(new { adcode = "d", name = "区", level = "district", parent = new { adcode = "c" }, population = 7 }, Square(0, 0)),
            Feature(new { adcode = "s", name = "街道", level = "street", parent = new { adcode = "d" } }, Square(1, 0)),
            Feature(new { adcode = "m", name = "社区", level = "community", parent = new { adcode = "s" } }, Square(1, 0)),
            Feature(new { adcode = "g1", name = "网格1", level = "grid", parent = new { adcode = "m" }, population = 800, households = 300, partyOrganisations = 2, membersExpected = 20, residentUnits = 1, hasPartyBranch = true }, Square(1, 0, 0.5)),
            Feature(new { adcode = "g2", name = "网格2", level = "grid", parent = new { adcode = "m" }, population = "900", households = 320, membersExpected = 30 }, Square(1.5, 0, 0.5))));

        Assert.Equal(new AreaProfile(1700, 620, 2, 50, 1, true), tree.Get("m").Profile);
        Assert.Equal(tree.Get("m").Profile, tree.Get("s").Profile);
        Assert.Equal(new AreaProfile(7, 0, 0, 0, 0, false), tree.Get("d").Profile); // the file's own figures win
        Assert.Equal(7, tree.Root.Profile.Population);
    }

    [Fact]
    public void Load_repairs_a_self_intersecting_ring()
    {
        const string bowTie = """{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}""";

        var area = Load(Collection(Area("g", "蝴蝶", "grid", null, bowTie))).Root;

        Assert.True(area.Boundary.IsValid);
        Assert.Equal(2, area.Boundary.Area, 9);
    }

    [Fact]
    public void Load_resolves_relative_paths_against_the_base_directory_and_names_a_missing_file()
    {
        var error = Assert.Throws<AreaImportException>(() =>
            AreaTreeLoader.Load([new AreaFileOptions { Path = "areas/none.geojson" }], SeedData.Directory));

        Assert.StartsWith("areas/none.geojson: cannot be opened", error.Message);
        Assert.Equal(14, SeedData.Load("yanan-districts.geojson").Count);
    }

    [Fact]
    public void Error_missing_id_names_file_feature_and_property()
    {
        var error = LoadFails(Collection(City, Feature(new { name = "无名", level = "district", parent = new { adcode = "c" } }, Square(0, 0))));

        Assert.Equal("test.geojson: feature #1: property 'adcode' is missing", error.Message);
        Assert.Equal(("test.geojson", 1, "adcode"), (error.FileName, error.FeatureIndex, error.Property));
    }

    [Fact]
    public void Error_missing_name_names_file_feature_and_property()
    {
        var error = LoadFails(Collection(City, Feature(new { adcode = "d", level = "district", parent = new { adcode = "c" } }, Square(0, 0))));

        Assert.Equal("test.geojson: feature #1: property 'name' is missing", error.Message);
    }

    [Fact]
    public void Error_custom_name_property_is_the_one_named()
    {
        var error = LoadFails(Collection(Feature(new { code = "x", name = "有名无题" }, Square(0, 0))),
            new AreaFileOptions { IdProperty = "code", NameProperty = "title", Level = "grid" });

        Assert.Equal("test.geojson: feature #0: property 'title' is missing", error.Message);
    }

    [Theory]
    [InlineData("province")]
    [InlineData("building")]
    public void Error_unknown_level_names_the_value(string level)
    {
        var error = LoadFails(Collection(Area("p", "陕西省", level, null, Square(0, 0))));

        Assert.StartsWith($"test.geojson: feature #0: property 'level' has unknown value \"{level}\"", error.Message);
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[109.49,36.59]}""", "\"Point\"")]
    [InlineData("""{"type":"LineString","coordinates":[[0,0],[1,1]]}""", "\"LineString\"")]
    public void Error_geometry_that_is_not_an_area_names_the_type(string geometry, string type)
    {
        var error = LoadFails(Collection(City, Area("d", "区", "district", "c", geometry)));

        Assert.StartsWith($"test.geojson: feature #1: property 'geometry' has type {type}", error.Message);
    }

    [Fact]
    public void Error_missing_geometry_names_the_property()
    {
        var error = LoadFails(Collection(City, Area("d", "区", "district", "c", "null")));

        Assert.Equal("test.geojson: feature #1: property 'geometry' is missing", error.Message);
    }

    [Fact]
    public void Error_unreadable_coordinates_name_the_geometry()
    {
        var error = LoadFails(Collection(City, Area("d", "区", "district", "c", """{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}""")));

        Assert.StartsWith("test.geojson: feature #1: property 'geometry' cannot be read", error.Message);
    }

    [Fact]
    public void Error_polygon_without_area_is_invalid_beyond_repair()
    {
        var error = LoadFails(Collection(City, Area("d", "区", "district", "c", """{"type":"Polygon","coordinates":[[[0,0],[1,0],[2,0],[0,0]]]}""")));

        Assert.StartsWith("test.geojson: feature #1: property 'geometry' is invalid (", error.Message);
        Assert.EndsWith("and cannot be repaired", error.Message);
    }

    [Fact]
    public void Error_duplicate_id_names_both_files_and_features()
    {
        var error = Assert.Throws<AreaImportException>(() => AreaTreeLoader.Load([
            ("a.geojson", Stream(Collection(City, Area("d", "区", "district", "c", Square(0, 0)))), new AreaFileOptions()),
            ("b.geojson", Stream(Collection(Area("d", "又一个区", "district", "c", Square(1, 0)))), new AreaFileOptions()),
        ]));

        Assert.Equal("b.geojson: feature #0: property 'adcode' has the id 'd' that a.geojson feature #1 already has", error.Message);
    }

    [Fact]
    public void Error_invalid_json_names_the_file_and_the_position()
    {
        var error = LoadFails("{\"type\":\"FeatureCollection\",\n\"features\":[ oops ]}");

        Assert.StartsWith("test.geojson: invalid JSON at line 2, byte 14", error.Message);
        Assert.Null(error.FeatureIndex);
    }

    [Fact]
    public void Error_not_a_feature_collection_says_so()
    {
        var error = LoadFails("""{"type":"Feature"}""");

        Assert.StartsWith("test.geojson: property 'features' is missing", error.Message);
    }

    [Fact]
    public void Error_child_not_exactly_one_level_below_its_parent_names_the_child()
    {
        var error = LoadFails(Collection(City, Area("s", "街道", "street", "c", Square(0, 0))));

        Assert.StartsWith("test.geojson: feature #1: property 'level' is 'street' but its parent 'c' (test.geojson feature #0) is 'city'", error.Message);
    }

    [Fact]
    public void Error_two_roots_names_the_second()
    {
        var error = LoadFails(Collection(City, Area("d", "孤儿区", "district", null, Square(5, 5))));

        Assert.StartsWith("test.geojson: feature #1: property 'parent.adcode' is missing, so 'd' would be a second root beside 'c'", error.Message);
    }

    [Fact]
    public void Error_two_synthesized_roots_name_a_child_that_led_there()
    {
        var error = LoadFails(Collection(
            Area("g1", "第1网格", "grid", "m1", Square(0, 0)),
            Area("g2", "第2网格", "grid", "m2", Square(1, 0))));

        Assert.StartsWith("test.geojson: feature #1: property 'parent.adcode' leads to 'm2', which no file contains", error.Message);
    }

    [Fact]
    public void Error_parent_path_through_a_number_names_the_property()
    {
        var error = LoadFails(Collection(City, Feature(new { adcode = "d", name = "区", level = "district", parent = 610600 }, Square(0, 0))));

        Assert.StartsWith("test.geojson: feature #1: property 'parent.adcode' cannot be read: 'parent' is number 610600", error.Message);
    }

    [Theory]
    [InlineData("population", "-5")]
    [InlineData("households", "\"many\"")]
    [InlineData("membersExpected", "2.5")]
    [InlineData("hasPartyBranch", "\"yes\"")]
    public void Error_bad_reference_data_names_the_property(string property, string value)
    {
        var feature = Area("g", "网格", "grid", null, Square(0, 0)).Replace("\"level\":\"grid\"", $"\"level\":\"grid\",\"{property}\":{value}");

        var error = LoadFails(Collection(feature));

        Assert.StartsWith($"test.geojson: feature #0: property '{property}' must be", error.Message);
    }

    [Fact]
    public void Error_unknown_fixed_level_names_the_option()
    {
        var error = LoadFails(Collection(City), new AreaFileOptions { Level = "province" });

        Assert.StartsWith("test.geojson: option 'Level' has unknown value 'province'", error.Message);
    }

    [Fact]
    public void Load_takes_fifty_thousand_grids()
    {
        // 250 communities of 200 grids each under one street, as a large city's grid file would be. How long
        // it takes is measured by the benchmarks' megacity scenario, not here.
        var json = new StringBuilder("""{"type":"FeatureCollection","features":[""");
        json.Append(Area("s", "街道", "street", null, Square(0, 0, 250)));
        for (var m = 0; m < 250; m++)
        {
            json.Append(',').Append(Area($"m{m}", $"社区{m}", "community", "s", Square(m, 0, 1)));
            for (var g = 0; g < 200; g++)
                json.Append(',').Append(Feature(new { adcode = $"m{m}g{g}", name = $"第{g + 1}网格", level = "grid", parent = new { adcode = $"m{m}" }, households = 300 }, Square(m + g % 20 * 0.05, g / 20 * 0.1, 0.05)));
        }
        json.Append("]}");

        var tree = Load(json.ToString());

        Assert.Equal(50_251, tree.Count);
        Assert.Equal(50_000 * 300, tree.Root.Profile.Households);
        Assert.Equal(200, tree.Get("m249").ChildIds.Count);
    }

    [Fact]
    public void Error_too_many_vertices_names_the_feature_and_refuses_before_building_the_geometry()
    {
        var ring = string.Join(",", Enumerable.Range(0, CityScreen.Areas.Import.AreaFeatureReader.MaxVerticesPerArea + 1).Select(i => $"[{i % 90}.5,{i % 45}.25]"));
        var json = Collection(Feature(new { adcode = 610600, name = "延安市", level = "city" }, $$"""{"type":"Polygon","coordinates":[[{{ring}}]]}"""));

        var error = LoadFails(json);

        Assert.Contains("geometry", error.Message);
        Assert.Contains($"more than {CityScreen.Areas.Import.AreaFeatureReader.MaxVerticesPerArea} vertices", error.Message);
    }
}
