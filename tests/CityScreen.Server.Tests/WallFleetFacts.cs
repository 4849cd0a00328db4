using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityScreen.Contracts.Grains;
using CityScreen.Contracts.Walls;
using Microsoft.Extensions.DependencyInjection;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>
/// The fleet API (<c>/api/admin/walls</c>) on a real host without anonymous reading: admins and
/// operators only, a clear 404 for a wall nobody knows, a 400 naming the bad field, and commands
/// that reach the wall in the answer to its next heartbeat. The walls here beat straight to the
/// fleet grain as a wall's circuit does (the browser facts open real walls).
/// </summary>
[Collection("secured")]
public class WallFleetFacts(SecuredHostFixture fixture)
{
    private ServerHost Host => fixture.Host;

    private IWallFleetGrain Fleet => Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IWallFleetGrain>(IWallFleetGrain.Key);

    [Fact]
    public async Task The_fleet_answers_401_to_anonymous_and_403_to_leaders_and_walls_and_lists_for_admins_and_operators()
    {
        using var admin = Host.AdminClient();
        using var none = new HttpClient { BaseAddress = Host.BaseAddress };
        var (_, leaderToken) = await Access.IssueTokenAsync(admin, "leader", Street, "街道书记");
        var (_, wallToken) = await Access.IssueTokenAsync(admin, "wall", Street, "街道大屏");
        var (_, operatorToken) = await Access.IssueTokenAsync(admin, "operator", null, "值班员");
        using var leader = Access.Bearer(Host.BaseAddress, leaderToken);
        using var wall = Access.Bearer(Host.BaseAddress, wallToken);
        using var @operator = Access.Bearer(Host.BaseAddress, operatorToken);

        foreach (var path in new[] { "/api/admin/walls", "/admin/walls" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await none.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await wall.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await @operator.GetAsync(path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync("/api/admin/walls/w-any/reload", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await none.PostAsJsonAsync("/api/admin/walls/w-any/page", new { index = 0 })).StatusCode);
    }

    [Fact]
    public async Task A_command_to_an_unknown_wall_is_404()
    {
        using var admin = Host.AdminClient();
        var reload = await admin.PostAsync("/api/admin/walls/w-nobody-knows/reload", null);
        Assert.Equal(HttpStatusCode.NotFound, reload.StatusCode);
        Assert.Contains("w-nobody-knows", await reload.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/admin/walls/w-nobody-knows/page", new { index = 0 })).StatusCode);
    }

    [Fact]
    public async Task A_beating_wall_is_listed_and_gets_the_page_and_the_reload_sent_to_it_with_its_next_heartbeat_both_audited()
    {
        using var admin = Host.AdminClient();
        var id = "w-" + Guid.NewGuid().ToString("N");
        var beat = Report(id);
        Assert.Null(await Fleet.HeartbeatAsync(beat));

        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/walls")).EnumerateArray().Single(w => w.GetProperty("id").GetString() == id);
        Assert.True(listed.GetProperty("online").GetBoolean());
        Assert.Equal("city-wall", listed.GetProperty("layout").GetString());
        Assert.Equal(Street, listed.GetProperty("areaId").GetString());
        Assert.Equal(2560, listed.GetProperty("screenWidth").GetInt32());
        Assert.Equal(0, listed.GetProperty("reconnectsLastDay").GetInt32());

        // The shipped rotation has 8 pages: 8 is one too far, a layout it lacks is not one of them, and one of both is asked.
        await AssertInvalidAsync(admin, id, new { index = 8 }, "index");
        await AssertInvalidAsync(admin, id, new { layout = "grid" }, "layout");
        await AssertInvalidAsync(admin, id, new { index = 1, layout = "street" }, "index");
        var notJson = await admin.PostAsync($"/api/admin/walls/{id}/page", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);

        var page = await admin.PostAsJsonAsync($"/api/admin/walls/{id}/page", new { layout = "street" });
        Assert.Equal(HttpStatusCode.Accepted, page.StatusCode);
        var shown = await Fleet.HeartbeatAsync(beat);
        Assert.Equal(WallCommandKind.ShowPage, shown?.Kind);
        Assert.Equal(2, shown?.Page);   // the first page of the street layout
        Assert.Null(await Fleet.HeartbeatAsync(beat));   // carried out once

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/admin/walls/{id}/reload", null)).StatusCode);
        Assert.Equal(WallCommandKind.Reload, (await Fleet.HeartbeatAsync(beat))?.Kind);
        // The reloaded page is a new circuit of the same wall: one reconnect.
        await Fleet.HeartbeatAsync(beat with { CircuitId = "circuit-2", ConnectedSince = beat.ConnectedSince.AddSeconds(10) });
        var again = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/walls")).EnumerateArray().Single(w => w.GetProperty("id").GetString() == id);
        Assert.Equal(1, again.GetProperty("reconnectsLastDay").GetInt32());

        var audit = await admin.GetStringAsync("/api/admin/audit?limit=50");
        Assert.Contains($"{id} host=test-host area={Street} page=2", audit);
        Assert.Contains("wall.reload", audit);
    }

    [Fact]
    public async Task A_wall_whose_page_closed_is_offline_at_once_and_refuses_commands_with_409()
    {
        using var admin = Host.AdminClient();
        var id = "w-" + Guid.NewGuid().ToString("N");
        await Fleet.HeartbeatAsync(Report(id));
        await Fleet.ClosedAsync(id, "circuit-1");

        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/walls")).EnumerateArray().Single(w => w.GetProperty("id").GetString() == id);
        Assert.False(listed.GetProperty("online").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/admin/walls/{id}/reload", null)).StatusCode);
    }

    [Fact]
    public async Task An_operator_bound_to_a_street_sees_and_commands_only_the_walls_of_its_street()
    {
        using var admin = Host.AdminClient();
        var (_, token) = await Access.IssueTokenAsync(admin, "operator", OtherGrid[..9], "另一街道值班员");
        using var @operator = Access.Bearer(Host.BaseAddress, token);
        var id = "w-" + Guid.NewGuid().ToString("N");
        await Fleet.HeartbeatAsync(Report(id));

        var listed = (await @operator.GetFromJsonAsync<JsonElement>("/api/admin/walls")).EnumerateArray();
        Assert.DoesNotContain(listed, w => w.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await @operator.PostAsync($"/api/admin/walls/{id}/reload", null)).StatusCode);
    }

    [Fact]
    public void A_wall_silent_for_15_seconds_is_offline_and_comes_back_with_its_next_heartbeat_counting_no_reconnect()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-03-02T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var fleet = new CityScreen.Grains.Walls.WallFleet(clock);
        var beat = Report("w-silent-wall") with { ConnectedSince = clock.Now };
        fleet.Heartbeat(beat);

        clock.Advance(TimeSpan.FromSeconds(14));
        Assert.True(fleet.List().Single().Online);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(fleet.List().Single().Online);

        fleet.Heartbeat(beat);
        Assert.True(fleet.List().Single().Online);
        Assert.Equal(0, fleet.List().Single().ReconnectsLastDay);
        // The same circuit's connection up again counts; a day later it no longer does, and a day of silence forgets the wall.
        fleet.Heartbeat(beat with { Connects = 2 });
        Assert.Equal(1, fleet.List().Single().ReconnectsLastDay);
        clock.Advance(TimeSpan.FromHours(25));
        Assert.Empty(fleet.List());
    }

    private static async Task AssertInvalidAsync(HttpClient admin, string id, object body, string field)
    {
        var response = await admin.PostAsJsonAsync($"/api/admin/walls/{id}/page", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"the 400 names '{field}': {errors}");
    }

    private static WallReport Report(string id) => new(
        id, "test-host", "circuit-1", 1, DateTimeOffset.UtcNow, Street, "宝塔山街道", "city-wall", "rotation", 0, 8, "fit",
        2560, 1440, 50_000_000, DateTimeOffset.UtcNow, "admin");
}
