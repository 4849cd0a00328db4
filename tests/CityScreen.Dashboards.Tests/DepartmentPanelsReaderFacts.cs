using System.Text.Json.Nodes;
using CityScreen.Dashboards.Panels;
using CityScreen.Dashboards.Validation;

namespace CityScreen.Dashboards.Tests;

/// <summary>The 部门报到 board and the whistle board read and checked like the other panel types.</summary>
public class DepartmentPanelsReaderFacts
{
    private static DashboardDocument WithFourthPanel(string type, JsonObject? options, int h = 400)
    {
        var json = SampleLayout.Json();
        json["panels"]![3] = SampleLayout.Panel("dept", type, 960, 600, 960, h, options);
        return DashboardReader.Read("dashboards/city-wall.json", json.ToJsonString());
    }

    [Fact]
    public void A_departments_panel_defaults_to_six_rows_ranked_by_on_time_arrival()
    {
        var document = WithFourthPanel("departments", null);

        Assert.True(document.IsValid, string.Join("\n", document.Errors));
        Assert.Equal(new DepartmentsOptions(DepartmentsOptions.DefaultRows, DepartmentRankBy.OnTime), document.Layout!.FindPanel("dept")!.Options);
    }

    [Fact]
    public void A_departments_panel_takes_rows_and_ranking_by_resolution()
    {
        var document = WithFourthPanel("departments", new JsonObject { ["rows"] = 5, ["by"] = "resolved" });

        Assert.Equal(new DepartmentsOptions(5, DepartmentRankBy.Resolved), document.Layout!.FindPanel("dept")!.Options);
    }

    [Fact]
    public void A_departments_panel_takes_its_scrolling_speed_and_names_a_speed_out_of_range()
    {
        var document = WithFourthPanel("departments", new JsonObject { ["secondsPerRow"] = 6 });
        Assert.Equal(new DepartmentsOptions(DepartmentsOptions.DefaultRows, DepartmentRankBy.OnTime, 6), document.Layout!.FindPanel("dept")!.Options);

        var error = Assert.Single(WithFourthPanel("departments", new JsonObject { ["secondsPerRow"] = 31 }).Errors);

        Assert.Equal("$.panels[3].options.secondsPerRow", error.Path);
        Assert.Equal("must be a whole number from 1 to 30, not 31", error.Message);
    }

    [Fact]
    public void A_departments_panel_names_an_unknown_basis_with_the_choices()
    {
        var error = Assert.Single(WithFourthPanel("departments", new JsonObject { ["by"] = "ontime" }).Errors);

        Assert.Equal("$.panels[3].options.by", error.Path);
        Assert.Contains("onTime", error.Message);
        Assert.Contains("resolved", error.Message);
    }

    [Fact]
    public void A_whistle_board_takes_its_rows_and_counts_two_lines_per_whistle()
    {
        var document = WithFourthPanel("whistles", new JsonObject { ["rows"] = 3 });

        var options = Assert.IsType<WhistlesOptions>(document.Layout!.FindPanel("dept")!.Options);
        Assert.Equal(3, options.Rows);
        Assert.Equal(7, options.TextLines);
    }

    [Fact]
    public void A_whistle_board_too_low_for_its_rows_is_refused_as_unreadable()
    {
        var error = Assert.Single(WithFourthPanel("whistles", new JsonObject { ["rows"] = 6 }, h: 300).Errors);

        Assert.Equal("$.panels[3].h", error.Path);
        Assert.EndsWith("or show fewer rows", error.Message);
    }

    [Fact]
    public void A_whistle_board_refuses_an_option_it_does_not_have()
    {
        var error = Assert.Single(WithFourthPanel("whistles", new JsonObject { ["by"] = "onTime" }).Errors);

        Assert.Equal("$.panels[3].options.by", error.Path);
        Assert.StartsWith("unknown property", error.Message);
    }
}
