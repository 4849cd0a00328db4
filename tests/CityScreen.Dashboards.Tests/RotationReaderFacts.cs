using System.Text.Json.Nodes;
using CityScreen.Dashboards.Layouts;
using CityScreen.Dashboards.Validation;

namespace CityScreen.Dashboards.Tests;

public class RotationReaderFacts
{
    private const string File = "dashboards/rotation.json";

    private static readonly IReadOnlyDictionary<string, DashboardLayout> Layouts = new Dictionary<string, DashboardLayout>
    {
        ["city-wall"] = DashboardReader.Read("dashboards/city-wall.json", Fixed("city-wall", "610600").ToJsonString()).Layout!,
        ["street"] = DashboardReader.Read("dashboards/street.json", SampleLayout.Json("street").ToJsonString()).Layout!,
    };

    private static JsonObject Fixed(string id, string area)
    {
        var json = SampleLayout.Json(id);
        json["area"] = area;
        return json;
    }

    private static JsonObject Rotation() => new()
    {
        ["id"] = "rotation",
        ["title"] = "轮播",
        ["pages"] = new JsonArray
        {
            new JsonObject { ["layout"] = "city-wall", ["dwellSeconds"] = 60 },
            new JsonObject { ["layout"] = "street", ["area"] = "610602001" },
        },
        ["takeover"] = new JsonObject { ["seconds"] = 45, ["layout"] = "street" },
    };

    private static DashboardDocument Read(JsonObject json) => DashboardReader.Read(File, json.ToJsonString(), layouts: Layouts);

    [Fact]
    public void Read_returns_the_pages_with_their_dwell()
    {
        var document = Read(Rotation());

        Assert.True(document.IsValid, string.Join("\n", document.Errors));
        var rotation = document.Rotation!;
        Assert.Equal(TimeSpan.FromSeconds(60), rotation.Pages[0].DwellIn(Layouts["city-wall"]));
        Assert.Equal(TimeSpan.FromSeconds(DashboardLayout.DefaultDwellSeconds), rotation.Pages[1].DwellIn(Layouts["street"]));
        Assert.Equal("610602001", rotation.Pages[1].Area);
        Assert.Equal(45, rotation.Takeover!.Seconds);
    }

    [Fact]
    public void Read_refuses_a_page_area_for_a_layout_with_a_fixed_area()
    {
        var json = Rotation();
        json["pages"]![0]!["area"] = "610602001";

        var error = Assert.Single(Read(json).Errors);

        Assert.Equal("$.pages[0].area", error.Path);
        Assert.Contains("always shows area '610600'", error.Message);
    }

    [Fact]
    public void Read_refuses_unknown_layouts_in_pages_and_takeover()
    {
        var json = Rotation();
        json["pages"]![1]!["layout"] = "streets";
        json["takeover"]!["layout"] = "grid";

        var errors = Read(json).Errors;

        Assert.Equal(["$.pages[1].layout", "$.takeover.layout"], errors.Select(e => e.Path));
        Assert.Contains("did you mean 'street'?", errors[0].Message);
    }

    [Fact]
    public void Read_checks_the_takeover()
    {
        var json = Rotation();
        json["takeover"] = new JsonObject { ["secs"] = 60 };

        var paths = Read(json).Errors.Select(e => e.Path);

        Assert.Equal(["$.takeover.seconds", "$.takeover.secs"], paths);
    }

    [Fact]
    public void Read_refuses_an_empty_rotation_and_pages_that_are_not_objects()
    {
        var empty = Rotation();
        empty["pages"] = new JsonArray();
        var strings = Rotation();
        strings["pages"] = new JsonArray("city-wall");

        Assert.Equal("must not be empty", Assert.Single(Read(empty).Errors).Message);
        Assert.Equal("$.pages[0]", Assert.Single(Read(strings).Errors).Path);
    }

    [Fact]
    public void Read_refuses_a_file_with_both_panels_and_pages()
    {
        var json = Rotation();
        json["panels"] = new JsonArray();

        var error = Assert.Single(Read(json).Errors);

        Assert.Equal("$", error.Path);
    }
}
