using System.Net.Http.Json;
using System.Text.Json;
using CityScreen.Contracts.Events;

namespace CityScreen.Server.Tests;

[Collection("indices host")]
public sealed class LiveIndexFacts(IndicesHostFixture fixture)
{
    [Fact]
    public async Task An_area_carries_its_live_index_and_late_closures_today_move_it()
    {
        using var http = fixture.Host.Client();
        var areas = await http.GetFromJsonAsync<JsonElement[]>("/api/areas");
        // A grid the fixture left without cases (it posts to the first 40), so nothing else moves it.
        var grid = areas!.Where(a => a.GetProperty("level").GetString() == "grid").Select(a => a.GetProperty("id").GetString()!).Skip(60).First();

        async Task<JsonElement> LiveAsync() => (await http.GetFromJsonAsync<JsonElement>($"/api/areas/{grid}")).GetProperty("liveIndex");
        var before = await LiveAsync();
        Assert.Equal(JsonValueKind.Number, before.GetProperty("value").ValueKind);
        Assert.Contains(before.GetProperty("grade").GetString(), new[] { "A", "B", "C", "D", "E" });
        Assert.Equal(JsonValueKind.String, before.GetProperty("at").ValueKind);

        var now = DateTimeOffset.UtcNow;
        var events = Enumerable.Range(0, 3).SelectMany(c => LateClosure(grid, $"AJ-live-{grid}-{c}", now.AddHours(-4).AddMinutes(c))).ToList();
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await http.PostAsync("/api/events", Payloads.Json(CityEventJson.SerializeBatch(events)))).StatusCode);

        // Three cases closed late: 按期结案率 0 of 3 enters 治理效能, so the live value falls.
        var value = before.GetProperty("value").GetDouble();
        await Eventually.HoldsAsync(async () => (await LiveAsync()).GetProperty("value").GetDouble() < value,
            "the live index to fall after late closures", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
    }

    private static IEnumerable<CityEvent> LateClosure(string grid, string caseId, DateTimeOffset at)
    {
        CityEvent Step(string type, DateTimeOffset when) => new()
        {
            Id = $"{caseId}-{type}", Type = type, OccurredAt = when, GridId = grid, Source = "test", CaseId = caseId,
        };
        yield return Step(EventTypes.CaseReported, at) with { Kind = "event", Category = "市容环境", Level = "normal", Title = "垃圾堆积" };
        yield return Step(EventTypes.CaseFiled, at.AddMinutes(10)) with { DueAt = at.AddHours(1) };
        yield return Step(EventTypes.CaseClosed, at.AddHours(3));
    }
}
