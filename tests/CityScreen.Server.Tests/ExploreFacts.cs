using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>The leaders' drill-down: its page, the case list behind a grid, and the exports.</summary>
[Collection("host")]
public class ExploreFacts(HostFixture fixture)
{
    private ServerHost Host => fixture.Host;

    [Fact]
    public async Task A_grids_cases_come_from_the_store_filtered_and_exported()
    {
        using var http = Host.Client();
        await http.PostAsync("/api/events", Json(Batch(
            Reported("ex-1", "AJ-ex-open"), Filed("ex-2", "AJ-ex-open"),
            Reported("ex-3", "AJ-ex-new"))));

        var all = await http.GetFromJsonAsync<JsonElement[]>($"/api/areas/{Grid}/cases");
        var open = await http.GetFromJsonAsync<JsonElement[]>($"/api/areas/{Grid}/cases?status=open");
        var csvBytes = await http.GetByteArrayAsync($"/api/areas/{Grid}/cases?status=open&format=csv");
        var csv = Encoding.UTF8.GetString(csvBytes);

        Assert.Contains(all!, c => c.GetProperty("caseId").GetString() == "AJ-ex-new" && c.GetProperty("status").GetString() == "reported");
        // Kinds, levels and statuses keep their lower-case spelling; what only the rules read stays out of the rows.
        var row = all!.First(c => c.GetProperty("caseId").GetString() == "AJ-ex-open");
        Assert.Equal(("event", "normal", "open"), (row.GetProperty("kind").GetString(), row.GetProperty("level").GetString(), row.GetProperty("status").GetString()));
        Assert.False(row.TryGetProperty("ratedAt", out _) || row.TryGetProperty("rejectedAt", out _));
        Assert.Contains(open!, c => c.GetProperty("caseId").GetString() == "AJ-ex-open");
        Assert.DoesNotContain(open!, c => c.GetProperty("status").GetString() != "open");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csvBytes[..3]);
        Assert.StartsWith("\uFEFF案件编号,标题", csv);
        Assert.Contains("AJ-ex-open,延河路口垃圾堆积,市容环境", csv);
    }

    [Theory]
    [InlineData("/api/areas/610602001/cases", "id")]
    [InlineData("/api/areas/610602001001001/cases?status=lost", "status")]
    [InlineData("/api/areas/610602001001001/cases?from=2026-02-30", "from")]
    [InlineData("/api/areas/610602001001001/cases?from=2026-11-02&to=2026-11-01", "from")]
    [InlineData("/api/areas/610602001001001/cases?category=天气", "category")]
    public async Task Bad_case_queries_name_the_parameter(string url, string parameter)
    {
        using var http = Host.Client();

        var response = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task The_drill_down_shows_the_children_table_and_at_grid_level_the_case_list()
    {
        using var http = Host.Client();

        var street = await http.GetStringAsync($"/explore/{Street}");
        var grid = await http.GetStringAsync($"/explore/{Grid}");
        var children = Encoding.UTF8.GetString(await http.GetByteArrayAsync($"/api/areas/{Street}/children.csv"));

        Assert.Contains("下级区域", street);
        Assert.Contains($"href=\"/explore/{Community}\"", street);
        Assert.Contains("data-drill=\"/explore/\"", street);
        Assert.Contains("案件清单", grid);
        Assert.Contains(Community, children);
        Assert.Contains("EV08 按期结案率", children);
    }
}
