using System.Text.Json.Nodes;

namespace CityScreen.Dashboards.Tests;

/// <summary>A small valid layout to break one field at a time.</summary>
internal static class SampleLayout
{
    public static JsonObject Json(string id = "city-wall") => new()
    {
        ["id"] = id,
        ["title"] = "测试大屏",
        ["canvas"] = new JsonObject { ["width"] = 1920, ["height"] = 1080 },
        ["panels"] = new JsonArray
        {
            Panel("map", "map", 0, 0, 960, 600, new JsonObject { ["indicator"] = "EV02" }),
            Panel("kpis", "kpi", 960, 0, 960, 600, new JsonObject { ["indicators"] = new JsonArray("EV01", "EV02") }),
            Panel("ticker", "ticker", 0, 600, 960, 400, new JsonObject { ["rows"] = 6 }),
            Panel("ranking", "ranking", 960, 600, 960, 400, new JsonObject { ["indicator"] = "EV08" }),
        },
    };

    public static JsonObject Panel(string id, string type, int x, int y, int w, int h, JsonObject? options = null)
    {
        var panel = new JsonObject { ["id"] = id, ["type"] = type, ["x"] = x, ["y"] = y, ["w"] = w, ["h"] = h };
        if (options is not null) panel["options"] = options;
        return panel;
    }

    public static JsonObject PanelAt(this JsonObject layout, int index) => layout["panels"]![index]!.AsObject();

    public static string WithTitle(string id, string title)
    {
        var json = Json(id);
        json["title"] = title;
        return json.ToJsonString();
    }
}
