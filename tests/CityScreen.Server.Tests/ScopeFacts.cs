using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>A street leader's token shows that street's subtree and nothing else, on the API and the hub.</summary>
[Collection("secured")]
public class ScopeFacts(SecuredHostFixture fixture)
{
    private const string OtherStreet = "610602002";
    private ServerHost Host => fixture.Host;

    private async Task<HttpClient> StreetLeaderAsync()
    {
        using var admin = Host.AdminClient();
        var (_, token) = await Access.IssueTokenAsync(admin, "leader", Street, "宝塔山街道书记");
        return Access.Bearer(Host.BaseAddress, token);
    }

    [Fact]
    public async Task The_area_list_holds_the_street_and_its_subtree_only()
    {
        using var leader = await StreetLeaderAsync();

        var areas = JsonDocument.Parse(await leader.GetStringAsync("/api/areas")).RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();

        Assert.Contains(Street, areas);
        Assert.Contains(Grid, areas);
        Assert.All(areas, id => Assert.StartsWith(Street, id));
        Assert.DoesNotContain(City, areas);
        Assert.DoesNotContain(OtherGrid, areas);
    }

    [Theory]
    [InlineData($"/api/areas/{OtherStreet}")]
    [InlineData($"/api/areas/{District}")]
    [InlineData($"/api/areas/{City}")]
    [InlineData($"/api/areas/{OtherGrid}/cases")]
    [InlineData($"/api/areas/{OtherGrid}/cases?format=csv")]
    [InlineData($"/api/areas/{District}/children.csv")]
    [InlineData($"/api/areas/{OtherStreet}/index/history")]
    [InlineData($"/api/areas/{OtherStreet}/index/2026-01-01/explain")]
    [InlineData($"/api/areas/{OtherStreet}/departments")]
    [InlineData($"/api/departments/610602-cgzf?areaId={OtherStreet}")]
    [InlineData($"/api/departments/610602-cgzf/cases?areaId={OtherStreet}")]
    [InlineData($"/api/departments/610602-cgzf/cases?areaId={OtherGrid}&format=csv")]
    [InlineData($"/api/areas/{OtherGrid}/needs")]
    [InlineData($"/api/areas/{OtherGrid}/needs?status=open&format=csv")]
    [InlineData($"/api/areas/{OtherGrid}/resources")]
    [InlineData($"/api/areas/{OtherGrid}/projects?format=csv")]
    [InlineData($"/api/areas/{OtherGrid}/units")]
    [InlineData($"/api/areas/{OtherStreet}001/projects?status=claimed")]
    public async Task Outside_the_street_answers_exactly_like_an_unknown_area(string path)
    {
        using var leader = await StreetLeaderAsync();
        var unknown = path.Replace(OtherStreet, "999999999").Replace(OtherGrid, "999999999999999").Replace(District, "999999").Replace(City, "999999");

        var outside = await leader.GetAsync(path);
        var missing = await leader.GetAsync(unknown);

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(missing.StatusCode, outside.StatusCode);
        var outsideBody = JsonDocument.Parse(await outside.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString(), outsideBody.GetProperty("title").GetString());
        Assert.DoesNotContain("indicators", await outside.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_street_leader_sees_the_departments_serving_the_street_and_their_work_in_it_only()
    {
        using var leader = await StreetLeaderAsync();

        var directory = JsonDocument.Parse(await leader.GetStringAsync("/api/departments")).RootElement.EnumerateArray().ToList();
        var department = JsonDocument.Parse(await leader.GetStringAsync("/api/departments/610602-cgzf")).RootElement;

        Assert.NotEmpty(directory);
        Assert.All(directory, d => Assert.Contains(Street, d.GetProperty("streets").EnumerateArray().Select(s => s.GetString())));
        Assert.Equal(Street, department.GetProperty("areaId").GetString());
    }

    [Fact]
    public async Task A_street_leaders_department_page_shows_the_street_and_no_other()
    {
        using var leader = await StreetLeaderAsync();

        var own = await leader.GetStringAsync("/explore/department/610602-cgzf");
        var other = await leader.GetStringAsync($"/explore/department/610602-cgzf?area={OtherStreet}");
        var district = await leader.GetStringAsync($"/explore/department/610602-cgzf?area={District}");
        var cases = await leader.GetAsync("/api/departments/610602-cgzf/cases");

        Assert.Contains("在宝塔山街道近30天", own);
        Assert.Contains($"未找到区域 “{OtherStreet}”", other);
        Assert.DoesNotContain("按时报到率", other);
        Assert.Contains($"未找到区域 “{District}”", district);
        Assert.Equal(HttpStatusCode.OK, cases.StatusCode);
    }

    [Fact]
    public async Task Inside_the_street_reads_work()
    {
        using var leader = await StreetLeaderAsync();

        var street = await leader.GetAsync($"/api/areas/{Street}");
        var grid = await leader.GetAsync($"/api/areas/{Grid}/cases");
        var children = await leader.GetAsync($"/api/areas/{Street}/children.csv");

        Assert.Equal(HttpStatusCode.OK, street.StatusCode);
        Assert.Equal(HttpStatusCode.OK, grid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, children.StatusCode);
        Assert.Contains(Community, await children.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task On_the_hub_the_street_is_delivered_and_a_sibling_is_refused_and_sends_nothing()
    {
        using var admin = Host.AdminClient();
        var (_, token) = await Access.IssueTokenAsync(admin, "wall", Street, "宝塔山街道大屏");
        await using var wall = new HubClient(Host.BaseAddress, token);
        await wall.StartAsync();

        await wall.SubscribeAsync(Street);
        var refused = await Assert.ThrowsAsync<HubException>(() => wall.SubscribeAsync(OtherStreet));
        await Assert.ThrowsAsync<HubException>(() => wall.SubscribeAsync(City));
        await Assert.ThrowsAsync<HubException>(() => wall.SubscribeAsync(OtherGrid));
        using var http = Host.Client();
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/events", Json(Reported("scope-hub-other", "AJ-scope-hub-other", OtherGrid, level: "major")))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/events", Json(Reported("scope-hub-own", "AJ-scope-hub-own", Grid, level: "major")))).StatusCode);

        // The own case arrives after the other one was stored: anything for the sibling would have come by now.
        await HubClient.ReceiveAsync(wall.Alerts, a => a.GetProperty("caseId").GetString() == "AJ-scope-hub-own", "the alert of the street's own case");
        Assert.Contains("Unknown area", refused.Message);
        Assert.All(wall.Indicators, m => Assert.Equal(Street, m.GetProperty("areaId").GetString()));
        Assert.DoesNotContain(wall.Alerts, a => a.GetProperty("caseId").GetString() == "AJ-scope-hub-other");
    }

    [Fact]
    public async Task An_ingest_key_writes_only_in_its_areas_and_a_batch_reaching_outside_stores_nothing()
    {
        using var admin = Host.AdminClient();
        var (_, key) = await Access.IssueIngestKeyAsync(admin, "party-cloud", Street);
        using var source = new HttpClient { BaseAddress = Host.BaseAddress };
        source.DefaultRequestHeaders.Add("X-Api-Key", key);

        var mixed = await source.PostAsync("/api/events", Json(Batch(Checkin("key-in-1"), Checkin("key-out-1", OtherGrid))));
        var inside = await source.PostAsync("/api/events", Json(Checkin("key-in-1")));

        Assert.Equal(HttpStatusCode.Forbidden, mixed.StatusCode);
        var errors = JsonDocument.Parse(await mixed.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("[1].gridId", out _), "the error names the item outside");
        Assert.False(errors.TryGetProperty("[0].gridId", out _));
        Assert.Equal(HttpStatusCode.Accepted, inside.StatusCode);
        // Counted as new: the forbidden batch stored nothing, not even its allowed item.
        Assert.Equal(0, JsonDocument.Parse(await inside.Content.ReadAsStringAsync()).RootElement.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task An_ingest_key_is_rotated_without_downtime_and_a_revoked_key_is_refused()
    {
        using var admin = Host.AdminClient();
        var (oldId, oldKey) = await Access.IssueIngestKeyAsync(admin, "party-cloud", City);
        var (_, newKey) = await Access.IssueIngestKeyAsync(admin, "party-cloud", City);
        using var before = new HttpClient { BaseAddress = Host.BaseAddress };
        before.DefaultRequestHeaders.Add("X-Api-Key", oldKey);
        using var after = new HttpClient { BaseAddress = Host.BaseAddress };
        after.DefaultRequestHeaders.Add("X-Api-Key", newKey);

        Assert.Equal(HttpStatusCode.Accepted, (await before.PostAsync("/api/events", Json(Checkin("rotate-1")))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await after.PostAsync("/api/events", Json(Checkin("rotate-2")))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/ingest-keys/{oldId}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await before.PostAsync("/api/events", Json(Checkin("rotate-3")))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await after.PostAsync("/api/events", Json(Checkin("rotate-4")))).StatusCode);
        var listed = await admin.GetStringAsync("/api/admin/ingest-keys");
        Assert.DoesNotContain(oldKey, listed);
        Assert.DoesNotContain(newKey, listed);
    }

    [Fact]
    public async Task An_ingest_key_writes_only_events_naming_its_own_source()
    {
        using var admin = Host.AdminClient();
        var (_, key) = await Access.IssueIngestKeyAsync(admin, "hotline-12345", City);
        using var source = new HttpClient { BaseAddress = Host.BaseAddress };
        source.DefaultRequestHeaders.Add("X-Api-Key", key);
        var own = Checkin("own-source-1").Replace("party-cloud", "hotline-12345");

        // Ids are unique per source: naming another source would take ids that source will use.
        var other = await source.PostAsync("/api/events", Json(Batch(own, Checkin("other-source-1"))));
        var accepted = await source.PostAsync("/api/events", Json(own));

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var errors = JsonDocument.Parse(await other.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("[1].source", out _), "the error names the item of another source");
        Assert.False(errors.TryGetProperty("[0].source", out _));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("accepted").GetInt32());
    }
}
