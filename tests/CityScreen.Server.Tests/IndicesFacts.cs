using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityScreen.Server.Tests;

[Collection("indices host")]
public sealed class IndicesFacts(IndicesHostFixture fixture)
{
    private HttpClient Client() => fixture.Host.Client();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;

    [Fact]
    public async Task Communities_of_a_date_come_with_value_grade_stars_rank_and_dimensions()
    {
        using var http = Client();

        var response = await http.GetAsync($"/api/indices?level=community&date={fixture.YesterdayText}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await JsonAsync(response)).EnumerateArray().ToList();
        Assert.Equal(40, items.Count);
        var first = items[0];
        Assert.Equal(fixture.YesterdayText, first.GetProperty("date").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("name").GetString()));
        Assert.InRange(first.GetProperty("value").GetDouble(), 0, 100);
        Assert.Contains(first.GetProperty("grade").GetString(), new[] { "A", "B", "C", "D", "E" });
        Assert.InRange(first.GetProperty("stars").GetInt32(), 1, 5);
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.Equal("2026.2", first.GetProperty("modelVersion").GetString());
        Assert.Equal(5, first.GetProperty("dimensions").GetArrayLength());
        // Best first.
        var values = items.Where(i => i.GetProperty("value").ValueKind == JsonValueKind.Number).Select(i => i.GetProperty("value").GetDouble()).ToList();
        Assert.Equal(values.OrderByDescending(v => v), values);
    }

    [Fact]
    public async Task An_explanation_adds_up_at_every_level()
    {
        using var http = Client();

        var response = await http.GetAsync($"/api/areas/{Payloads.City}/index/{fixture.YesterdayText}/explain");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var e = await JsonAsync(response);
        Assert.Equal(Payloads.City, e.GetProperty("areaId").GetString());
        var dimensions = e.GetProperty("dimensions").EnumerateArray().ToList();
        double Score(JsonElement x) => x.GetProperty("score").ValueKind == JsonValueKind.Number ? x.GetProperty("score").GetDouble() : 0;
        Assert.Equal(e.GetProperty("value").GetDouble(), dimensions.Sum(d => d.GetProperty("weight").GetDouble() * Score(d)), 9);
        foreach (var d in dimensions.Where(d => d.GetProperty("score").ValueKind == JsonValueKind.Number))
        {
            var indicators = d.GetProperty("indicators").EnumerateArray().ToList();
            Assert.Equal(Score(d), indicators.Sum(i => i.GetProperty("weight").GetDouble() * Score(i)), 9);
        }
        var ev08 = dimensions.SelectMany(d => d.GetProperty("indicators").EnumerateArray()).Single(i => i.GetProperty("id").GetString() == "EV08");
        Assert.Equal(ev08.GetProperty("numerator").GetDouble() / ev08.GetProperty("denominator").GetDouble(), ev08.GetProperty("value").GetDouble(), 12);
        Assert.Equal("closedOnTime", ev08.GetProperty("numeratorInput").GetString());
    }

    [Fact]
    public async Task An_explanation_compared_with_a_night_without_an_index_counts_every_point_as_moved()
    {
        using var http = Client();

        // The fixture computes yesterday only: the night before has no index, so every point of
        // the value is a contribution from nothing, and there is no change to report.
        var e = await JsonAsync(await http.GetAsync($"/api/areas/{Payloads.Street}/index/{fixture.YesterdayText}/explain?compare=previous"));

        Assert.Equal(JsonValueKind.Null, e.GetProperty("previousValue").ValueKind);
        Assert.Equal(JsonValueKind.Null, e.GetProperty("change").ValueKind);
        var dimensions = e.GetProperty("dimensions").EnumerateArray().ToList();
        Assert.Equal(e.GetProperty("value").GetDouble(), dimensions.Sum(d => d.GetProperty("change").GetDouble()), 9);
        foreach (var d in dimensions)
            Assert.Equal(d.GetProperty("change").GetDouble(), d.GetProperty("indicators").EnumerateArray().Sum(i => i.GetProperty("change").GetDouble()), 9);
    }

    [Fact]
    public async Task An_area_s_history_ends_on_the_latest_computed_day()
    {
        using var http = Client();

        var response = await http.GetAsync($"/api/areas/{Payloads.Grid}/index/history?days=90");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var days = (await JsonAsync(response)).EnumerateArray().ToList();
        Assert.Equal(fixture.YesterdayText, days[^1].GetProperty("date").GetString());
        Assert.True(days[^1].TryGetProperty("grade", out _));
        Assert.True(days[^1].TryGetProperty("rank", out _));
    }

    [Theory]
    [InlineData("/api/indices?date=2026-13-01", "date")]
    [InlineData("/api/indices?date=yesterday", "date")]
    [InlineData("/api/indices?level=planet", "level")]
    [InlineData("/api/areas/610600/index/history?days=0", "days")]
    [InlineData("/api/areas/610600/index/history?days=many", "days")]
    [InlineData("/api/areas/610600/index/2026-02-30/explain", "date")]
    [InlineData("/api/areas/610600/index/2026-02-03/explain?compare=next", "compare")]
    public async Task Bad_parameters_get_400_naming_the_parameter(string url, string parameter)
    {
        using var http = Client();

        var response = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"errors name {parameter}");
    }

    [Theory]
    [InlineData("", "from")]
    [InlineData("?from=2026-01-01", "to")]
    [InlineData("?from=01/01/2026&to=2026-01-02", "from")]
    [InlineData("?from=2026-01-05&to=2026-01-01", "from")]
    [InlineData("?from=2026-01-01&to=2999-01-01", "to")]
    public async Task A_recompute_with_bad_dates_gets_400_naming_the_parameter(string query, string parameter)
    {
        using var http = fixture.Host.AdminClient();

        var response = await http.PostAsync("/api/admin/indices/recompute" + query, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task A_recompute_is_accepted_with_its_job_id()
    {
        using var http = fixture.Host.AdminClient();

        var response = await http.PostAsync($"/api/admin/indices/recompute?from={fixture.YesterdayText}&to={fixture.YesterdayText}", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("jobId").GetString()));
        Assert.Equal(fixture.YesterdayText, body.GetProperty("from").GetString());
    }

    [Theory]
    [InlineData("/api/areas/nowhere/index/history")]
    [InlineData("/api/areas/nowhere/index/2026-01-01/explain")]
    public async Task An_unknown_area_is_404(string url)
    {
        using var http = Client();

        var response = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("nowhere", (await JsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_day_without_an_index_is_404_saying_so()
    {
        using var http = Client();

        var explain = await http.GetAsync($"/api/areas/{Payloads.City}/index/2020-01-01/explain");
        var list = await http.GetAsync("/api/indices?level=community&date=2020-01-01");

        Assert.Equal(HttpStatusCode.NotFound, explain.StatusCode);
        Assert.Contains("暂无指数", (await JsonAsync(explain)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Contains("暂无指数", (await JsonAsync(list)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_street_leader_sees_the_index_of_its_street_and_below_only()
    {
        using var admin = fixture.Host.AdminClient();
        var (_, token) = await Access.IssueTokenAsync(admin, "leader", Payloads.Street, "宝塔山街道书记");
        using var leader = Access.Bearer(fixture.Host.BaseAddress, token);

        var streets = await JsonAsync(await leader.GetAsync($"/api/indices?level=street&date={fixture.YesterdayText}"));
        var communities = await JsonAsync(await leader.GetAsync($"/api/indices?level=community&date={fixture.YesterdayText}"));
        var city = await leader.GetAsync($"/api/areas/{Payloads.City}/index/{fixture.YesterdayText}/explain");

        Assert.Equal([Payloads.Street], streets.EnumerateArray().Select(r => r.GetProperty("areaId").GetString()));
        Assert.All(communities.EnumerateArray(), r => Assert.StartsWith(Payloads.Street, r.GetProperty("areaId").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, city.StatusCode);
        // Its street's rank among the other streets is made of their values: not for this leader.
        var own = await JsonAsync(await leader.GetAsync($"/api/areas/{Payloads.Street}/index/{fixture.YesterdayText}/explain"));
        Assert.Equal(JsonValueKind.Null, own.GetProperty("rank").ValueKind);
        Assert.Equal(JsonValueKind.Null, streets[0].GetProperty("rank").ValueKind);
        // Its communities' ranks among each other are within its street.
        Assert.Contains(communities.EnumerateArray(), r => r.GetProperty("rank").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task A_street_leader_is_shown_no_rank_among_streets_and_nothing_above_its_street()
    {
        using var admin = fixture.Host.AdminClient();
        var (_, token) = await Access.IssueTokenAsync(admin, "leader", Payloads.Street, "宝塔山街道书记");
        using var leader = Access.Bearer(fixture.Host.BaseAddress, token);

        var explore = await leader.GetStringAsync($"/explore/{Payloads.Street}");
        var wall = await leader.GetStringAsync($"/screen/{Payloads.Street}");
        var area = await JsonAsync(await leader.GetAsync($"/api/areas/{Payloads.Street}"));
        var list = await JsonAsync(await leader.GetAsync("/api/areas"));
        var streets = await JsonAsync(await leader.GetAsync($"/api/indices?level=street&date={fixture.YesterdayText}"));

        // The admin, who sees the district, is shown the street's rank on the same page.
        Assert.Contains("同级第", await admin.GetStringAsync($"/explore/{Payloads.Street}"));
        Assert.DoesNotContain("同级第", explore);
        foreach (var above in new[] { Payloads.District, Payloads.City })
        {
            Assert.DoesNotContain($"href=\"/explore/{above}\"", explore);
            Assert.DoesNotContain($"href=\"/screen/{above}\"", wall);
        }
        Assert.Equal(JsonValueKind.Null, area.GetProperty("parentId").ValueKind);
        Assert.Equal(JsonValueKind.Null, list.EnumerateArray().Single(a => a.GetProperty("id").GetString() == Payloads.Street).GetProperty("parentId").ValueKind);
        Assert.Equal(JsonValueKind.Null, streets[0].GetProperty("parentId").ValueKind);
        // Below the street's root the parents are shown as before.
        Assert.Equal(Payloads.Street, (await JsonAsync(await leader.GetAsync($"/api/areas/{Payloads.Community}"))).GetProperty("parentId").GetString());
    }

    [Fact]
    public async Task The_hangfire_dashboard_answers_an_admin()
    {
        using var http = fixture.Host.AdminClient();

        var response = await http.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("development-index", await response.Content.ReadAsStringAsync());
    }
}
