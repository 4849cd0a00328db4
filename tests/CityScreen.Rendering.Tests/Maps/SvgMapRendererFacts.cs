using System.Globalization;
using System.Text.RegularExpressions;
using CityScreen.Rendering.Maps;
using static CityScreen.Rendering.Tests.Maps.TestAreas;

namespace CityScreen.Rendering.Tests.Maps;

public class SvgMapRendererFacts
{
    private readonly SvgMapRenderer _renderer = new();

    [Fact]
    public void RenderSvg_emits_one_clickable_path_per_feature_with_its_area_id()
    {
        var features = Grid();

        var doc = SvgXml.Parse(_renderer.RenderSvg(Request(features)));

        var paths = doc.WithClass("path", "area").ToList();
        Assert.Equal(features.Select(f => f.Id).Order(), paths.Select(p => (string)p.Attribute("data-area-id")!).Order());
        Assert.All(paths, p => Assert.Equal("evenodd", (string?)p.Attribute("fill-rule")));
        Assert.All(paths, p => Assert.NotNull(p.Element(SvgXml.Ns + "title")));
    }

    [Fact]
    public void RenderSvg_title_carries_name_and_value_text()
    {
        var feature = new MapFeature("a", "南京东路街道", Square(121.4, 31.2, 0.05), 93.5, "93.5%");

        var doc = SvgXml.Parse(_renderer.RenderSvg(Request([feature])));

        var title = doc.WithClass("path", "area").Single().Element(SvgXml.Ns + "title")!.Value;
        Assert.Contains("南京东路街道", title);
        Assert.Contains("93.5%", title);
    }

    [Fact]
    public void RenderSvg_polygon_with_hole_is_one_even_odd_path_with_two_subpaths()
    {
        var doc = SvgXml.Parse(_renderer.RenderSvg(Request([new MapFeature("holed", "有洞", SquareWithHole(121.4, 31.2, 0.05), 1)])));

        var path = doc.WithClass("path", "area").Single();
        Assert.Equal("evenodd", (string?)path.Attribute("fill-rule"));
        Assert.Equal(2, path.SubpathCount());
    }

    [Fact]
    public void RenderSvg_multi_polygon_with_two_parts_is_one_path_with_two_subpaths()
    {
        var doc = SvgXml.Parse(_renderer.RenderSvg(Request([new MapFeature("islands", "两岛", TwoIslands(121.4, 31.2, 0.02), 1)])));

        var path = doc.WithClass("path", "area").Single();
        Assert.Equal("evenodd", (string?)path.Attribute("fill-rule"));
        Assert.Equal(2, path.SubpathCount());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RenderSvg_worse_values_get_the_bright_end_whichever_way_the_indicator_runs(bool lowerIsBetter)
    {
        var doc = SvgXml.Parse(_renderer.RenderSvg(Request(Grid(), lowerIsBetter: lowerIsBetter)));
        string FillOf(string id) => (string)doc.WithClass("path", "area").Single(p => (string?)p.Attribute("data-area-id") == id).Attribute("fill")!;

        var lowValue = ColorRamp.Luminance(FillOf("street-0")); // value 10
        var highValue = ColorRamp.Luminance(FillOf("street-8")); // value 90

        if (lowerIsBetter)
            Assert.True(highValue > lowValue, "a high count is worse and should be bright");
        else
            Assert.True(lowValue > highValue, "a low rate is worse and should be bright");
    }

    [Fact]
    public void RenderSvg_feature_without_value_gets_the_hatched_no_data_fill()
    {
        var doc = SvgXml.Parse(_renderer.RenderSvg(Request(Grid())));

        var fill = (string)doc.WithClass("path", "area").Single(p => (string?)p.Attribute("data-area-id") == "street-4").Attribute("fill")!;
        var patternId = Regex.Match(fill, @"^url\(#(.+)\)$").Groups[1].Value;
        Assert.EndsWith("nodata", patternId);
        Assert.Contains(doc.Descendants(SvgXml.Ns + "pattern"), p => (string?)p.Attribute("id") == patternId);
    }

    [Fact]
    public void RenderSvg_legend_shows_title_classes_and_no_data()
    {
        var doc = SvgXml.Parse(_renderer.RenderSvg(Request(Grid())));

        var legendTexts = doc.Descendants(SvgXml.Ns + "g").Single(g => (string?)g.Attribute("class") == "legend")
            .Descendants(SvgXml.Ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("按期结案率", legendTexts);
        Assert.Contains("无数据", legendTexts);
        var classes = legendTexts.Count(t => t.Contains(" – "));
        Assert.InRange(classes, 5, 7);
    }

    [Fact]
    public void RenderSvg_markers_are_drawn_with_their_ids_kinds_and_pulse()
    {
        MapMarker[] markers =
        [
            new("m-new", 121.41, 31.21, MapMarkerKind.NewCase, "新上报"),
            new("m-red", 121.43, 31.23, MapMarkerKind.RedCase),
            new("m-critical", 121.45, 31.25, MapMarkerKind.CriticalCase),
        ];

        var doc = SvgXml.Parse(_renderer.RenderSvg(Request(Grid(), markers)));

        var drawn = doc.WithClass("g", "marker").ToList();
        Assert.Equal(["m-new", "m-red", "m-critical"], drawn.Select(m => (string)m.Attribute("data-marker-id")!));
        Assert.Contains("marker-critical", (string)drawn[2].Attribute("class")!);
        // The ring pulses in a CSS animation (transform and opacity): no SVG animation, nothing for a script to step.
        Assert.Empty(doc.Descendants(SvgXml.Ns + "animate"));
        var rings = drawn.Select(m => m.Elements(SvgXml.Ns + "circle").Single(c => (string?)c.Attribute("class") == "marker-pulse")).ToList();
        Assert.All(rings, r => Assert.DoesNotContain(r.Attributes(), a => a.Name.LocalName.StartsWith("data-pulse", StringComparison.Ordinal)));
        Assert.Contains("@keyframes cs-marker-ring", doc.Descendants(SvgXml.Ns + "style").Single().Value);
        // A new case's ring plays once from its start; the alarms' repeat, each from its own phase.
        Assert.Null(rings[0].Attribute("style"));
        Assert.All(rings.Skip(1), r => Assert.Matches(@"^animation-delay:-?[0-9.]+s$", (string)r.Attribute("style")!));
    }

    [Fact]
    public void RenderMarkerLayer_has_the_markers_alone_on_the_maps_viewport()
    {
        MapMarker[] markers = [new("m-new", 121.41, 31.21, MapMarkerKind.NewCase, "新上报")];
        var request = Request(Grid(), markers);

        var layer = SvgXml.Parse(_renderer.RenderMarkerLayer(request));
        var map = SvgXml.Parse(_renderer.RenderSvg(request));

        Assert.Equal((string)map.Root!.Attribute("viewBox")!, (string)layer.Root!.Attribute("viewBox")!);
        Assert.Contains("cs-map-markers", (string)layer.Root!.Attribute("class")!);
        Assert.Empty(layer.WithClass("path", "area"));
        var ring = Assert.Single(layer.WithClass("circle", "marker-pulse"));
        var sameRing = Assert.Single(map.WithClass("circle", "marker-pulse"));
        Assert.Equal((string)sameRing.Attribute("cx")!, (string)ring.Attribute("cx")!);
        Assert.Equal((string)sameRing.Attribute("cy")!, (string)ring.Attribute("cy")!);
    }

    [Fact]
    public void RenderSvg_many_markers_are_bounded_keeping_the_most_severe()
    {
        var markers = Enumerable.Range(0, 1000)
            .Select(i => new MapMarker($"new-{i:0000}", 121.41 + i % 30 * 0.001, 31.21, MapMarkerKind.NewCase))
            .Append(new MapMarker("zz-critical", 121.45, 31.25, MapMarkerKind.CriticalCase))
            .Append(new MapMarker("zz-red", 121.43, 31.23, MapMarkerKind.RedCase))
            .ToList();

        var drawn = SvgXml.Parse(_renderer.RenderSvg(Request(Grid(), markers))).WithClass("g", "marker")
            .Select(m => (string)m.Attribute("data-marker-id")!).ToList();

        Assert.Equal(300, drawn.Count);
        Assert.Contains("zz-critical", drawn);
        Assert.Contains("zz-red", drawn);
    }

    [Fact]
    public void RenderSvg_marker_outside_the_map_is_left_out()
    {
        var doc = SvgXml.Parse(_renderer.RenderSvg(Request(Grid(), [new MapMarker("far", 116.4, 39.9, MapMarkerKind.NewCase)])));

        Assert.Empty(doc.WithClass("g", "marker"));
    }

    [Fact]
    public void RenderSvg_same_input_gives_the_same_string()
    {
        MapRequest Make() => Request(Grid(), [new MapMarker("m", 121.41, 31.21, MapMarkerKind.RedCase)]) with { HighlightId = "street-2" };

        Assert.Equal(new SvgMapRenderer().RenderSvg(Make()), new SvgMapRenderer().RenderSvg(Make()));
    }

    [Fact]
    public void RenderSvg_does_not_depend_on_the_thread_culture()
    {
        var invariant = _renderer.RenderSvg(Request(Grid()));
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(invariant, _renderer.RenderSvg(Request(Grid())));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void RenderSvg_writes_coordinates_with_at_most_one_decimal()
    {
        var doc = SvgXml.Parse(_renderer.RenderSvg(Request([new MapFeature("c", "圆", DenseCircle(121.4, 31.2, 0.03, 500), 1)])));

        var d = (string)doc.WithClass("path", "area").Single().Attribute("d")!;
        Assert.DoesNotMatch(@"\d\.\d\d", d);
        Assert.DoesNotContain("E", d);
    }

    [Fact]
    public void RenderSvg_simplifies_dense_geometry_more_at_smaller_sizes()
    {
        var circle = new MapFeature("c", "圆", DenseCircle(121.4, 31.2, 0.03, 5_000), 1);
        int Vertices(int size)
        {
            var svg = _renderer.RenderSvg(Request([circle]) with { Width = size, Height = size });
            var d = (string)SvgXml.Parse(svg).WithClass("path", "area").Single().Attribute("d")!;
            return d.Split([' ', 'L', 'M'], StringSplitOptions.RemoveEmptyEntries).Length;
        }

        var small = Vertices(120);
        var large = Vertices(2_000);

        Assert.True(small < 200, $"{small} vertices at 120 px");
        Assert.True(small < large, $"{small} at 120 px vs {large} at 2000 px");
        Assert.True(large < 5_000, $"{large} vertices at 2000 px");
    }

    [Fact]
    public void RenderSvg_labels_areas_that_fit_their_name_and_hides_those_that_do_not()
    {
        var roomy = new MapFeature("roomy", "宽敞街道", Square(121.40, 31.20, 0.1), 1);
        var tiny = new MapFeature("tiny", "一个名字很长放不下的社区", Square(121.52, 31.20, 0.004), 2);

        var doc = SvgXml.Parse(_renderer.RenderSvg(Request([roomy, tiny])));

        var labels = doc.WithClass("text", "label").Select(t => t.Value).ToList();
        Assert.Contains("宽敞街道", labels);
        Assert.DoesNotContain("一个名字很长放不下的社区", labels);
    }

    [Fact]
    public void RenderSvg_overlapping_labels_only_one_is_shown()
    {
        // Two overlapping areas whose interior points coincide: both names cannot be drawn legibly.
        var a = new MapFeature("a", "甲街道", Square(121.40, 31.20, 0.1), 1);
        var b = new MapFeature("b", "乙街道", Square(121.40, 31.20, 0.1), 2);

        var doc = SvgXml.Parse(_renderer.RenderSvg(Request([a, b])));

        Assert.Single(doc.WithClass("text", "label"));
    }

    [Fact]
    public void RenderSvg_highlighted_area_is_marked_and_drawn_last()
    {
        var doc = SvgXml.Parse(_renderer.RenderSvg(Request(Grid()) with { HighlightId = "street-0" }));

        var last = doc.WithClass("path", "area").Last();
        Assert.Equal("street-0", (string?)last.Attribute("data-area-id"));
        Assert.Contains("highlight", (string)last.Attribute("class")!);
    }

    [Fact]
    public void RenderSvg_outline_is_drawn_without_fill_and_is_not_clickable()
    {
        var parent = new MapFeature("district", "黄浦区", Square(121.40, 31.20, 0.06), null);

        var doc = SvgXml.Parse(_renderer.RenderSvg(Request(Grid()) with { Outline = [parent] }));

        var outline = doc.WithClass("path", "outline").Single();
        Assert.Null(outline.Attribute("data-area-id"));
        Assert.Equal(9, doc.WithClass("path", "area").Count());
    }

    [Fact]
    public void RenderSvg_is_self_contained_with_view_box_and_scoped_style()
    {
        var svg = _renderer.RenderSvg(Request(Grid()));
        var root = SvgXml.Parse(svg).Root!;

        Assert.Equal("0 0 800 600", (string?)root.Attribute("viewBox"));
        Assert.Equal("100%", (string?)root.Attribute("width"));
        var style = root.Element(SvgXml.Ns + "style")!.Value;
        Assert.Contains(".cs-map .area:hover", style);
        Assert.DoesNotContain("<script", svg);
        Assert.DoesNotContain("http://", svg.Replace("http://www.w3.org/2000/svg", ""));
    }

    [Fact]
    public void RenderSvg_escapes_names_and_ids()
    {
        var feature = new MapFeature("a\"<&>", "<b>&街道", Square(121.4, 31.2, 0.1), 1);

        var doc = SvgXml.Parse(_renderer.RenderSvg(Request([feature])));

        Assert.Equal("a\"<&>", (string?)doc.WithClass("path", "area").Single().Attribute("data-area-id"));
    }

    [Fact]
    public void RenderSvg_no_features_shows_an_empty_notice_instead_of_throwing()
    {
        var doc = SvgXml.Parse(_renderer.RenderSvg(Request([])));

        Assert.Contains(doc.Descendants(SvgXml.Ns + "text"), t => t.Value == SvgMapRenderer.NoMapDataText);
    }

    [Fact]
    public void RenderSvg_all_values_missing_still_renders_every_area_as_no_data()
    {
        var features = Grid().Select(f => f with { Value = null }).ToList();

        var doc = SvgXml.Parse(_renderer.RenderSvg(Request(features)));

        Assert.All(doc.WithClass("path", "area"), p => Assert.StartsWith("url(#", (string)p.Attribute("fill")!));
    }
}
