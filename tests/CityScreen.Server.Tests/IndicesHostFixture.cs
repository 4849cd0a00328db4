using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityScreen.Contracts.Events;

namespace CityScreen.Server.Tests;

/// <summary>
/// A host with yesterday's development index: events of yesterday posted for some grids of the
/// demo city, then the recompute endpoint triggered and the index waited for, through the API
/// only — the same path an operator would take.
/// </summary>
public sealed class IndicesHostFixture : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public ServerHost Host { get; } = new();

    /// <summary>Yesterday in Asia/Shanghai, the last day the job computes.</summary>
    public DateOnly Yesterday { get; } = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(-1);

    public string YesterdayText => Yesterday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        await Host.StartAsync();
        using var http = Host.Client();
        var areas = await http.GetFromJsonAsync<JsonElement[]>("/api/areas");
        var grids = areas!.Where(a => a.GetProperty("level").GetString() == "grid").Select(a => a.GetProperty("id").GetString()!).Take(40).ToList();

        var events = grids.SelectMany((grid, g) => Day(grid, g)).ToList();
        foreach (var batch in events.Chunk(500))
        {
            var posted = await http.PostAsync("/api/events", Payloads.Json(CityEventJson.SerializeBatch(batch)));
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        using var admin = Host.AdminClient();
        var recompute = await admin.PostAsync($"/api/admin/indices/recompute?from={YesterdayText}&to={YesterdayText}", null);
        Assert.Equal(HttpStatusCode.Accepted, recompute.StatusCode);
        await Eventually.HoldsAsync(async () => (await http.GetAsync($"/api/indices?level=city&date={YesterdayText}")).StatusCode == HttpStatusCode.OK,
            "the development index of yesterday", Patience, TimeSpan.FromMilliseconds(200));
    }

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();

    /// <summary>Four cases through their lifecycle and some Party-building work in one grid, varied by grid.</summary>
    private IEnumerable<CityEvent> Day(string grid, int g)
    {
        var start = new DateTimeOffset(Yesterday.ToDateTime(TimeOnly.MinValue), Shanghai);
        string[] kinds = ["event", "hotline", "order", "part"];
        for (var c = 0; c < 4; c++)
        {
            var caseId = $"AJ-index-{grid}-{c}";
            var at = start.AddHours(8 + c).AddMinutes(g);
            var late = (g + c) % 4 == 0;
            CityEvent Step(string type, DateTimeOffset when) => new()
            {
                Id = $"{caseId}-{type}", Type = type, OccurredAt = when, GridId = grid, Source = "test", CaseId = caseId,
            };
            yield return Step(EventTypes.CaseReported, at) with { Kind = kinds[c], Category = "市容环境", Level = "normal", Title = "垃圾堆积" };
            yield return Step(EventTypes.CaseFiled, at.AddMinutes(10)) with { DueAt = at.AddHours(6) };
            yield return Step(EventTypes.CaseDispatched, at.AddMinutes(15)) with { Department = "城管执法局", Whistle = c == 3 };
            // The receiver answers; a dispatch naming its department in free text is answered by a
            // response naming none (a response names a department by its id only).
            yield return Step(EventTypes.CaseResponded, at.AddMinutes(g % 3 == 0 ? 50 : 25));
            yield return Step(EventTypes.CaseResolved, at.AddHours(late ? 7 : 3));
            yield return Step(EventTypes.CaseClosed, at.AddHours(late ? 8 : 4));
            yield return Step(EventTypes.CaseRated, at.AddHours(9)) with { Score = (g + c) % 5 == 0 ? 2 : 5 };
        }
        for (var m = 0; m < 3; m++)
            yield return new CityEvent
            {
                Id = $"ck-index-{grid}-{m}", Type = EventTypes.MemberCheckin, OccurredAt = start.AddHours(10 + m), GridId = grid,
                Source = "test", MemberId = $"{grid}-m{(g + m) % 7:D3}", UnitId = "u1",
            };
        if (g % 2 == 0)
            yield return new CityEvent
            {
                Id = $"mt-index-{grid}", Type = EventTypes.MeetingHeld, OccurredAt = start.AddHours(19), GridId = grid,
                Source = "test", OrgId = grid + "-dzb", MeetingKind = "主题党日",
            };
    }
}

[CollectionDefinition("indices host")]
public sealed class IndicesHostCollection : ICollectionFixture<IndicesHostFixture>;
