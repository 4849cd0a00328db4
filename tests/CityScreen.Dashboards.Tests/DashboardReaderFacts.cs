using System.Text.Json.Nodes;
using CityScreen.Dashboards.Layouts;
using CityScreen.Dashboards.Panels;
using CityScreen.Dashboards.Validation;

namespace CityScreen.Dashboards.Tests;

public class DashboardReaderFacts
{
    private const string File = "dashboards/city-wall.json";

    private static DashboardDocument Read(JsonObject json, DashboardOptions? options = null) =>
        DashboardReader.Read(File, json.ToJsonString(), options);

    private static DashboardError Single(DashboardDocument document)
    {
        Assert.Null(document.Layout);
        return Assert.Single(document.Errors);
    }

    [Fact]
    public void Read_returns_the_layout_with_defaults_when_the_file_is_valid()
    {
        var document = Read(SampleLayout.Json());

        Assert.True(document.IsValid, string.Join("\n", document.Errors));
        var layout = document.Layout!;
        Assert.Equal("city-wall", layout.Id);
        Assert.Equal(new CanvasSize(1920, 1080), layout.Canvas);
        Assert.Equal(ScaleMode.Fit, layout.Scale);
        Assert.Equal(AreaReference.Current, layout.Area);
        Assert.Equal(DashboardLayout.DefaultDwellSeconds, layout.DwellSeconds);
        var ranking = Assert.IsType<RankingOptions>(layout.FindPanel("ranking")!.Options);
        Assert.Equal(new RankingOptions("EV08", RankOrder.Descending, RankingOptions.DefaultRows, null), ranking);
        var map = Assert.IsType<MapOptions>(layout.FindPanel("map")!.Options);
        Assert.Equal(["EV02"], map.Choices);
        Assert.Equal(MapOptions.DefaultNewCaseMinutes, map.NewCaseMinutes);
    }

    [Fact]
    public void Read_takes_the_maps_new_case_minutes_and_names_a_value_out_of_range()
    {
        var json = SampleLayout.Json();
        json.PanelAt(0)["options"]!["newCaseMinutes"] = 10;
        var map = Assert.IsType<MapOptions>(Read(json).Layout!.FindPanel("map")!.Options);
        Assert.Equal(10, map.NewCaseMinutes);

        json.PanelAt(0)["options"]!["newCaseMinutes"] = 0;
        var error = Single(Read(json));

        Assert.Equal("$.panels[0].options.newCaseMinutes", error.Path);
        Assert.Equal("must be a whole number from 1 to 120, not 0", error.Message);
    }

    [Fact]
    public void Read_takes_a_ranking_by_the_development_index_without_an_indicator()
    {
        var json = SampleLayout.Json();
        json.PanelAt(3)["options"] = new JsonObject { ["by"] = "index", ["rows"] = 6 };

        var ranking = Assert.IsType<RankingOptions>(Read(json).Layout!.FindPanel("ranking")!.Options);

        Assert.Equal(new RankingOptions(null, RankOrder.Descending, 6, null, RankBy.Index), ranking);
    }

    [Fact]
    public void Read_takes_a_ranking_s_scrolling_speed_and_names_a_value_out_of_range()
    {
        var json = SampleLayout.Json();
        json.PanelAt(3)["options"]!["secondsPerRow"] = 5;
        var ranking = Assert.IsType<RankingOptions>(Read(json).Layout!.FindPanel("ranking")!.Options);
        Assert.Equal(5, ranking.SecondsPerRow);

        json.PanelAt(3)["options"]!["secondsPerRow"] = 0;
        var error = Single(Read(json));

        Assert.Equal("$.panels[3].options.secondsPerRow", error.Path);
        Assert.Equal("must be a whole number from 1 to 30, not 0", error.Message);
    }

    [Fact]
    public void Read_names_the_indicator_when_a_ranking_by_index_also_gives_one()
    {
        var json = SampleLayout.Json();
        json.PanelAt(3)["options"] = new JsonObject { ["by"] = "index", ["indicator"] = "EV08" };

        var error = Single(Read(json));

        Assert.Equal("$.panels[3].options.indicator", error.Path);
        Assert.Contains("must be left out", error.Message);
    }

    [Fact]
    public void Read_names_an_unknown_ranking_basis_and_asks_for_nothing_else()
    {
        var json = SampleLayout.Json();
        json.PanelAt(3)["options"] = new JsonObject { ["by"] = "indx" };

        var error = Single(Read(json));

        Assert.Equal("$.panels[3].options.by", error.Path);
        Assert.StartsWith("unknown value 'indx'; expected one of indicator, index", error.Message);
    }

    [Fact]
    public void Read_names_file_and_path_when_a_panel_ends_beyond_the_canvas()
    {
        var json = SampleLayout.Json();
        json.PanelAt(3)["x"] = 1000;
        json.PanelAt(3)["w"] = 1010;

        var error = Single(Read(json));

        Assert.Equal("dashboards/city-wall.json: $.panels[3].w: the panel ends at x = 2010, beyond the canvas width 1920", error.ToString());
    }

    [Fact]
    public void Read_names_the_start_when_a_panel_starts_below_the_canvas()
    {
        var json = SampleLayout.Json();
        json.PanelAt(2)["y"] = 1100;

        var errors = Read(json).Errors;

        Assert.Contains(errors, e => e.Path == "$.panels[2].y" && e.Message == "the panel starts at y = 1100, beyond the canvas height 1080");
    }

    [Fact]
    public void Read_reports_an_unknown_panel_type_with_the_known_types()
    {
        var json = SampleLayout.Json();
        json.PanelAt(1)["type"] = "kpis";

        var error = Single(Read(json));

        Assert.Equal("$.panels[1].type", error.Path);
        Assert.StartsWith("unknown value 'kpis'; expected one of title, clock, map, kpi,", error.Message);
        Assert.Contains("did you mean 'kpi'?", error.Message);
    }

    [Fact]
    public void Read_refuses_overlapping_panels_naming_both_when_z_is_not_given()
    {
        var json = SampleLayout.Json();
        json.PanelAt(1)["x"] = 900;
        json.PanelAt(1)["w"] = 1000;

        var error = Single(Read(json));

        Assert.Equal("$.panels[1]", error.Path);
        Assert.Contains("overlaps panel \"map\" ($.panels[0]) at x 900..960, y 0..600", error.Message);
        Assert.Contains("\"z\"", error.Message);
    }

    [Fact]
    public void Read_allows_overlapping_panels_when_both_give_different_z()
    {
        var json = SampleLayout.Json();
        json.PanelAt(0)["z"] = 0;
        json.PanelAt(1)["x"] = 900;
        json.PanelAt(1)["w"] = 1000;
        json.PanelAt(1)["z"] = 1;

        var document = Read(json);

        Assert.True(document.IsValid, string.Join("\n", document.Errors));
        Assert.Equal(1, document.Layout!.FindPanel("kpis")!.Z);
    }

    [Fact]
    public void Read_refuses_overlapping_panels_with_the_same_z()
    {
        var json = SampleLayout.Json();
        json.PanelAt(0)["z"] = 2;
        json.PanelAt(1)["x"] = 900;
        json.PanelAt(1)["w"] = 1000;
        json.PanelAt(1)["z"] = 2;

        var error = Single(Read(json));

        Assert.Equal("$.panels[1].z", error.Path);
        Assert.Contains("the same z = 2", error.Message);
    }

    [Fact]
    public void Read_allows_panels_that_only_touch()
    {
        var json = SampleLayout.Json();

        Assert.True(Read(json).IsValid);
        Assert.Equal(960, json.PanelAt(1)["x"]!.GetValue<int>());
    }

    [Fact]
    public void Read_refuses_duplicate_panel_ids_naming_the_first()
    {
        var json = SampleLayout.Json();
        json.PanelAt(3)["id"] = "ticker";

        var error = Single(Read(json));

        Assert.Equal("$.panels[3].id", error.Path);
        Assert.Equal("\"ticker\" is already the id of $.panels[2]", error.Message);
    }

    [Fact]
    public void Read_reports_every_missing_required_field_under_its_path()
    {
        var json = SampleLayout.Json();
        json.Remove("title");
        json.PanelAt(0).Remove("h");
        json.PanelAt(0).Remove("options");
        json.PanelAt(3)["options"]!.AsObject().Remove("indicator");

        var errors = Read(json).Errors;

        Assert.Equal(
            ["$.title", "$.panels[0].h", "$.panels[0].options.indicator", "$.panels[3].options.indicator"],
            errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Equal("is required", e.Message));
        Assert.All(errors, e => Assert.Equal(File, e.File));
    }

    [Fact]
    public void Read_reports_wrong_json_types()
    {
        var json = SampleLayout.Json();
        json["canvas"]!["width"] = "1920";
        json.PanelAt(0)["x"] = 1.5;
        json.PanelAt(1)["options"]!["indicators"] = "EV01";
        json["panels"]!.AsArray().Add(42);

        var errors = Read(json).Errors.ToDictionary(e => e.Path, e => e.Message);

        Assert.Equal("must be a number, not a string", errors["$.canvas.width"]);
        Assert.Equal("must be a whole number from 0 to 32768, not 1.5", errors["$.panels[0].x"]);
        Assert.Equal("must be an array, not a string", errors["$.panels[1].options.indicators"]);
        Assert.Equal("must be a panel object", errors["$.panels[4]"]);
    }

    [Fact]
    public void Read_refuses_unknown_properties_suggesting_the_intended_one()
    {
        var json = SampleLayout.Json();
        json["canvas"]!["widht"] = 1920;
        json.PanelAt(2)["titel"] = "案件";
        json.PanelAt(2)["options"]!["indicator"] = "EV01";

        var errors = Read(json).Errors.ToDictionary(e => e.Path, e => e.Message);

        Assert.StartsWith("unknown property (did you mean 'width'?)", errors["$.canvas.widht"]);
        Assert.StartsWith("unknown property (did you mean 'title'?)", errors["$.panels[2].titel"]);
        Assert.StartsWith("unknown property; expected rows", errors["$.panels[2].options.indicator"]);
    }

    [Fact]
    public void Read_refuses_a_property_given_twice()
    {
        const string json = """{"id": "city-wall", "title": "一", "title": "二", "canvas": {"width": 1920, "height": 1080}, "panels": [{"id": "t", "type": "title", "x": 0, "y": 0, "w": 960, "h": 100}]}""";

        var error = Assert.Single(DashboardReader.Read(File, json).Errors);

        Assert.Equal("$.title", error.Path);
        Assert.Equal("appears more than once", error.Message);
    }

    [Fact]
    public void Read_refuses_a_panel_whose_text_would_be_unreadable_at_five_metres()
    {
        var json = SampleLayout.Json();
        json.PanelAt(2)["h"] = 160;

        var error = Single(Read(json));

        Assert.Equal("$.panels[2].h", error.Path);
        Assert.Equal(
            "text would be 13.7 px high (ticker: 7 lines of text in 160 px), under the 16.2 px (1.5 % of the canvas height 1080) readable at 5 m; " +
            "make the panel at least 189 px high or show fewer rows",
            error.Message);
    }

    [Fact]
    public void Read_applies_the_readability_rule_relative_to_the_canvas()
    {
        var json = SampleLayout.Json();
        json["canvas"] = new JsonObject { ["width"] = 3840, ["height"] = 2160 };

        // The same pixel heights on a canvas twice as high are half as tall relative to it: the map
        // (12 lines, needs 648 px) and the ranking (10 lines, needs 540 px) no longer pass.
        var errors = Read(json).Errors;

        Assert.Equal(["$.panels[0].h", "$.panels[3].h"], errors.Select(e => e.Path));
        Assert.Contains("under the 32.4 px", errors[0].Message);
    }

    [Fact]
    public void Read_honours_a_configured_minimum_text_size()
    {
        var strict = new DashboardOptions { MinTextFraction = 0.03 };

        var errors = Read(SampleLayout.Json(), strict).Errors;

        Assert.Contains(errors, e => e.Path == "$.panels[0].h");
    }

    [Fact]
    public void Read_refuses_unknown_indicators_suggesting_the_catalogue_id()
    {
        var json = SampleLayout.Json();
        json.PanelAt(0)["options"]!["indicator"] = "EV99";
        json.PanelAt(1)["options"]!["indicators"] = new JsonArray("EV01", "ev02", "EV01");

        var errors = Read(json).Errors.ToDictionary(e => e.Path, e => e.Message);

        Assert.StartsWith("unknown indicator 'EV99'", errors["$.panels[0].options.indicator"]);
        Assert.Contains("the catalogue has EV01, EV02,", errors["$.panels[0].options.indicator"]);
        Assert.StartsWith("unknown indicator 'ev02' (did you mean 'EV02'?)", errors["$.panels[1].options.indicators[1]"]);
        Assert.Equal("'EV01' is listed twice", errors["$.panels[1].options.indicators[2]"]);
    }

    [Fact]
    public void Read_asks_the_injected_catalogue_which_indicators_exist()
    {
        var json = SampleLayout.Json();
        json.PanelAt(0)["options"]!["indicator"] = "XX01";
        var options = new DashboardOptions { IsKnownIndicator = id => id is "XX01" or "EV01" or "EV02" or "EV08" };

        Assert.True(Read(json, options).IsValid);
        Assert.False(Read(SampleLayout.Json(), new DashboardOptions { IsKnownIndicator = _ => false }).IsValid);
    }

    [Fact]
    public void Read_checks_the_options_of_each_panel_type()
    {
        var json = SampleLayout.Json();
        json.PanelAt(0)["options"]!["choices"] = new JsonArray("EV03");
        json.PanelAt(1)["options"]!["columns"] = 0;
        json.PanelAt(2)["options"]!["rows"] = "6";
        json.PanelAt(3)["options"]!["order"] = "up";
        json["panels"]!.AsArray().Add(SampleLayout.Panel("trend", "trend48h", 0, 1000, 100, 80,
            new JsonObject { ["series"] = new JsonArray("reported", "opened") }));

        var errors = Read(json).Errors.ToDictionary(e => e.Path, e => e.Message);

        Assert.Equal("must include the indicator shown first, 'EV02'", errors["$.panels[0].options.choices"]);
        Assert.Equal("must be a whole number from 1 to 4, not 0", errors["$.panels[1].options.columns"]);
        Assert.Equal("must be a number, not a string", errors["$.panels[2].options.rows"]);
        Assert.Equal("unknown value 'up'; expected one of desc, asc", errors["$.panels[3].options.order"]);
        Assert.StartsWith("must be one of reported, closed", errors["$.panels[4].options.series[1]"]);
    }

    [Fact]
    public void Read_reports_every_problem_not_only_the_first()
    {
        var json = SampleLayout.Json();
        json["scale"] = "stretch";
        json["dwellSeconds"] = 0;
        json.PanelAt(0)["type"] = "pie";
        json.PanelAt(3)["w"] = 2000;

        var paths = Read(json).Errors.Select(e => e.Path).ToList();

        Assert.Equal(["$.scale", "$.dwellSeconds", "$.panels[0].type", "$.panels[3].w"], paths);
    }

    [Fact]
    public void Read_reports_invalid_json_with_its_line()
    {
        var error = Assert.Single(DashboardReader.Read(File, "{\n  \"id\": \"city-wall\"\n  \"title\": \"x\"\n}").Errors);

        Assert.Equal("$", error.Path);
        Assert.StartsWith("is not valid JSON at line 3", error.Message);
    }

    [Fact]
    public void Read_accepts_comments_and_trailing_commas()
    {
        var json = SampleLayout.Json().ToJsonString().Replace("\"title\":", "// 大屏名称\n\"title\":");
        json = json[..^1] + ",}";

        Assert.True(DashboardReader.Read(File, json).IsValid);
    }

    [Fact]
    public void Read_refuses_an_id_that_is_not_the_file_name()
    {
        var error = Single(DashboardReader.Read("dashboards/street.json", SampleLayout.Json("city-wall").ToJsonString()));

        Assert.Equal("dashboards/street.json", error.File);
        Assert.Equal("$.id", error.Path);
        Assert.Contains("does not match the file name street.json", error.Message);
    }

    [Theory]
    [InlineData("dashboards/City Wall.json")]
    [InlineData("dashboards/city.wall.json")]
    [InlineData("dashboards/CITY.JSON")]
    [InlineData("dashboards/-city.json")]
    public void Read_refuses_file_names_that_are_not_ids(string file)
    {
        var error = Assert.Single(DashboardReader.Read(file, SampleLayout.Json().ToJsonString()).Errors);

        Assert.Equal("$", error.Path);
        Assert.StartsWith("the file name must be an id", error.Message);
    }

    [Fact]
    public void Read_checks_area_references()
    {
        var json = SampleLayout.Json();
        json["area"] = "$root";
        json.PanelAt(0)["area"] = "../610602";
        json.PanelAt(1)["area"] = "999999";
        var options = new DashboardOptions { IsKnownArea = id => id.StartsWith("6106", StringComparison.Ordinal) };

        var errors = Read(json, options).Errors.ToDictionary(e => e.Path, e => e.Message);

        Assert.Equal("unknown area token '$root'; use an area id or \"$current\"", errors["$.area"]);
        Assert.StartsWith("'../610602' is not an area id", errors["$.panels[0].area"]);
        Assert.Equal("there is no area '999999' in the area tree", errors["$.panels[1].area"]);
    }

    [Fact]
    public void Read_refuses_a_file_that_is_not_an_object()
    {
        var error = Assert.Single(DashboardReader.Read(File, "[]").Errors);

        Assert.Equal("$", error.Path);
        Assert.StartsWith("must be a JSON object", error.Message);
    }

    [Fact]
    public void Read_refuses_another_schema_version()
    {
        var json = SampleLayout.Json();
        json["schemaVersion"] = 2;

        var error = Single(Read(json));

        Assert.Equal("$.schemaVersion", error.Path);
    }
}
