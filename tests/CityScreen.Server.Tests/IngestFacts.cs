using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityScreen.Domain.Ingest;
using CityScreen.Storage.Events;
using Microsoft.Extensions.DependencyInjection;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

[Collection("host")]
public class IngestFacts(HostFixture fixture)
{
    private ServerHost Host => fixture.Host;

    public static TheoryData<string, string, string> BadBodies() => new()
    {
        { "unknown type", Batch(Checkin("bad-1"), """{"id":"bad-2","type":"case.exploded","occurredAt":"2026-11-22T09:00:00+08:00","gridId":"610602001001001","source":"x"}"""), "[1].type" },
        { "unknown grid", Batch(Checkin("bad-3"), Checkin("bad-4", grid: "999999")), "[1].gridId" },
        { "a community given as a grid", Checkin("bad-5", grid: Community), "$.gridId" },
        { "missing field", """{"id":"bad-6","type":"case.filed","occurredAt":"2026-11-22T09:00:00+08:00","gridId":"610602001001001","source":"x","caseId":"AJ-bad"}""", "$.dueAt" },
        { "time without offset", """{"id":"bad-7","type":"member.checkin","occurredAt":"2026-11-22T09:00:00","gridId":"610602001001001","source":"x","memberId":"m","unitId":"u"}""", "$.occurredAt" },
        { "wrong type of value", """{"id":"bad-8","type":"case.rated","occurredAt":"2026-11-22T09:00:00+08:00","gridId":"610602001001001","source":"x","caseId":"AJ-bad","score":"five"}""", "$.score" },
        { "not JSON", "{\"id\": ", "$" },
        { "one case in two grids", Batch(Reported("bad-9", "AJ-split"), Filed("bad-10", "AJ-split", grid: OtherGrid)), "[1].gridId" },
        { "an unknown department", Batch(Reported("bad-11", "AJ-whistle"), Whistled("bad-12", "AJ-whistle", "610602-cgzf", "城管")), "[1].departments[1]" },
        { "a response from no department of the file", Batch(Reported("bad-13", "AJ-respond"), RespondedBy("bad-14", "AJ-respond", "城管执法局")), "[1].department" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_refused_naming_the_item_and_field_and_changes_nothing(string what, string body, string path)
    {
        var before = await Host.IndicatorsAsync(City, leaveOut: AreaReads.MarkerIndicator);
        var stored = await Host.StoredEventsAsync();
        using var http = Host.Client();

        var response = await http.PostAsync("/api/events", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(path, out _), $"{what}: errors {problem.GetProperty("errors")} should name {path}");
        Assert.Equal(stored, await Host.StoredEventsAsync());
        // The refused items all name the Grid: once a later marker of that grid reaches the city, they would have too.
        await Host.PassMarkerAsync(City);
        Assert.Equal(before, await Host.IndicatorsAsync(City, leaveOut: AreaReads.MarkerIndicator));
    }

    [Fact]
    public async Task A_request_without_a_valid_key_is_refused()
    {
        using var anonymous = new HttpClient { BaseAddress = Host.BaseAddress };
        var none = await anonymous.PostAsync("/api/events", Json(Checkin("nokey-1")));
        anonymous.DefaultRequestHeaders.Add("X-Api-Key", "wrong");
        var wrong = await anonymous.PostAsync("/api/events", Json(Checkin("nokey-2")));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_too_large()
    {
        var stored = await Host.StoredEventsAsync();
        using var http = Host.Client();
        var body = Batch(Enumerable.Range(0, 1001).Select(i => Checkin($"big-{i}")).ToArray());

        var response = await http.PostAsync("/api/events", Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(stored, await Host.StoredEventsAsync());
    }

    [Fact]
    public async Task A_resent_batch_is_counted_once()
    {
        using var http = Host.Client();
        var before = await Host.IndicatorAsync(Grid, "PM02");
        var body = Batch(Checkin("resend-1"), Checkin("resend-2"), Checkin("resend-2"));

        var first = await (await http.PostAsync("/api/events", Json(body))).Content.ReadFromJsonAsync<JsonElement>();
        var second = await http.PostAsync("/api/events", Json(body));
        var secondBody = await second.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(2, first.GetProperty("accepted").GetInt32());
        Assert.Equal(1, first.GetProperty("duplicates").GetInt32());
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(0, secondBody.GetProperty("accepted").GetInt32());
        Assert.Equal(3, secondBody.GetProperty("duplicates").GetInt32());
        await Host.WaitForAsync(Grid, "PM02", before + 2);
        // The resend rebuilt the grid from the store: a marker after it shows the rebuild is done.
        await Host.PassMarkerAsync(Grid);
        Assert.Equal(before + 2, await Host.IndicatorAsync(Grid, "PM02"));
    }

    [Fact]
    public async Task Events_stored_but_never_handed_on_reach_the_screens_when_they_are_resent()
    {
        using var http = Host.Client();
        var before = await Host.IndicatorAsync(Grid, "PM02");
        var body = Batch(Checkin("orphan-1"), Checkin("orphan-2"));
        // What a host killed between its commit and handing the events to their grid leaves behind:
        // stored, and unknown to the grid (alive on another host).
        using (var json = JsonDocument.Parse(body))
        {
            var events = EventParser.Parse(json.RootElement, new ValidationErrors()).Select(e => e!).ToList();
            var stored = await Host.Services.GetRequiredService<IEventStore>().AppendAsync(events);
            Assert.Equal(2, stored.Stored.Count);
        }
        await Host.PassMarkerAsync(Grid);
        Assert.Equal(before, await Host.IndicatorAsync(Grid, "PM02"));

        // The sender got no answer and sends again: duplicates now, and the grid still learns of them.
        var resent = await http.PostAsync("/api/events", Json(body));
        var answer = await resent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        Assert.Equal(2, answer.GetProperty("duplicates").GetInt32());
        await Host.WaitForAsync(Grid, "PM02", before + 2);
    }

    [Fact]
    public async Task The_read_api_lists_the_tree_and_answers_404_for_an_unknown_area()
    {
        using var http = Host.Client();
        var areas = await http.GetFromJsonAsync<JsonElement[]>("/api/areas");

        Assert.Contains(areas!, a => a.GetProperty("id").GetString() == City && a.GetProperty("level").GetString() == "city");
        Assert.Equal(6, areas!.Count(a => a.GetProperty("level").GetString() == "street"));
        Assert.InRange(areas!.Count(a => a.GetProperty("level").GetString() == "grid"), 350, 450);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/areas/nowhere")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }
}
