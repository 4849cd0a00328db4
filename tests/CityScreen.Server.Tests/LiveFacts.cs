using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

[Collection("host")]
public class LiveFacts(HostFixture fixture)
{
    private ServerHost Host => fixture.Host;

    private static double Value(JsonElement m, string id) => m.GetProperty("values").GetProperty(id).GetDouble();

    [Fact]
    public async Task A_posted_event_reaches_a_subscribed_client_at_every_level()
    {
        // What earlier facts posted has reached the city first: one of their reports still on its way
        // up would be coalesced with this one into a step of two.
        await Host.PassMarkerAsync(City);
        await using var client = new HubClient(Host.BaseAddress);
        await client.StartAsync();
        await client.SubscribeAsync(City);
        await client.SubscribeAsync(Grid);
        var city = await HubClient.ReceiveAsync(client.Indicators, m => m.GetProperty("areaId").GetString() == City, "the city's snapshot on subscribing");
        var before = Value(city, "EV01");

        using var http = Host.Client();
        var response = await http.PostAsync("/api/events", Json(Reported("live-1", "AJ-live-1")));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var updated = await HubClient.ReceiveAsync(client.Indicators,
            m => m.GetProperty("areaId").GetString() == City && Value(m, "EV01") == before + 1, "the city's EV01 moving by one");
        Assert.True(updated.GetProperty("version").GetInt64() > city.GetProperty("version").GetInt64());
        Assert.Equal(48, updated.GetProperty("series").GetProperty("reportedHourly").GetArrayLength());
        await HubClient.ReceiveAsync(client.Indicators, m => m.GetProperty("areaId").GetString() == Grid && Value(m, "EV01") >= 1, "the grid's own update");
    }

    [Fact]
    public async Task Screens_of_one_area_receive_the_same_message_in_the_hub_protocols_names()
    {
        await using var first = new HubClient(Host.BaseAddress);
        await using var second = new HubClient(Host.BaseAddress);
        await first.StartAsync();
        await second.StartAsync();
        await first.SubscribeAsync(Street);
        await second.SubscribeAsync(Street);

        // The message is serialized once per change and written into every screen's frame as it
        // is. Nothing is posted here (another fact counts the city's reports one by one); each
        // screen receives the newest version on subscribing and at every change, so one reaches both.
        JsonElement seen = default, same = default;
        await Eventually.HoldsAsync(() =>
        {
            var theirs = second.Indicators.Where(m => m.GetProperty("areaId").GetString() == Street)
                .ToDictionary(m => m.GetProperty("version").GetInt64());
            foreach (var m in first.Indicators.Where(m => m.GetProperty("areaId").GetString() == Street))
                if (theirs.TryGetValue(m.GetProperty("version").GetInt64(), out var other))
                    (seen, same) = (m, other);
            return Task.FromResult((seen.ValueKind != JsonValueKind.Undefined, "no version of the street received by both screens"));
        }, every: TimeSpan.FromMilliseconds(20));
        Assert.Equal(seen.GetRawText(), same.GetRawText());
        Assert.Equal(["areaId", "version", "at", "values", "counts", "series", "categories", "departments", "openWhistles"],
            seen.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_major_case_raises_an_alert_for_the_areas_above_it_only()
    {
        await using var street = new HubClient(Host.BaseAddress);
        await using var elsewhere = new HubClient(Host.BaseAddress);
        await street.StartAsync();
        await elsewhere.StartAsync();
        await street.SubscribeAsync(Street);
        await elsewhere.SubscribeAsync("610602002");

        using var http = Host.Client();
        await http.PostAsync("/api/events", Json(Reported("alert-1", "AJ-alert-1", level: "major")));

        var alert = await HubClient.ReceiveAsync(street.Alerts, a => a.GetProperty("caseId").GetString() == "AJ-alert-1", "an alert for the major case");
        Assert.Equal(("major", "reported"), (alert.GetProperty("level").GetString(), alert.GetProperty("reason").GetString()));
        Assert.Equal(Grid, alert.GetProperty("areaId").GetString());
        // A later major case in the other street: once its alert is in, one for this case would have come before it.
        await http.PostAsync("/api/events", Json(Reported("alert-2", "AJ-alert-2", grid: OtherGrid, level: "major")));
        await HubClient.ReceiveAsync(elsewhere.Alerts, a => a.GetProperty("caseId").GetString() == "AJ-alert-2", "the alert for the other street's own major case");
        Assert.DoesNotContain(elsewhere.Alerts, a => a.GetProperty("caseId").GetString() == "AJ-alert-1");
    }

    [Fact]
    public async Task Closing_a_major_case_tells_the_walls_its_alarm_is_handled()
    {
        await using var client = new HubClient(Host.BaseAddress);
        await client.StartAsync();
        await client.SubscribeAsync(Street);
        using var http = Host.Client();

        await http.PostAsync("/api/events", Json(Reported("handled-1", "AJ-handled-1", level: "major")));
        await HubClient.ReceiveAsync(client.Alerts, a => a.GetProperty("caseId").GetString() == "AJ-handled-1", "the major case's alarm");
        await http.PostAsync("/api/events", Json(Closed("handled-2", "AJ-handled-1")));

        var handled = await HubClient.ReceiveAsync(client.Alerts,
            a => a.GetProperty("caseId").GetString() == "AJ-handled-1" && a.GetProperty("reason").GetString() == "handled", "the end of its alarm");
        Assert.Equal(Grid, handled.GetProperty("areaId").GetString());
    }

    [Fact]
    public async Task Subscribing_to_an_unknown_area_is_refused()
    {
        await using var client = new HubClient(Host.BaseAddress);
        await client.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => client.SubscribeAsync("nowhere"));
        Assert.Contains("nowhere", error.Message);
    }
}
