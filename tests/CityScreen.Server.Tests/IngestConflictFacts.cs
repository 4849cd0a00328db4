using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>A resent id must repeat its event: the same content is an idempotent success, other content a 409 naming the item.</summary>
[Collection("host")]
public class IngestConflictFacts(HostFixture fixture)
{
    private ServerHost Host => fixture.Host;

    [Fact]
    public async Task A_resent_id_with_other_content_is_409_naming_the_item_and_an_identical_resend_stays_accepted()
    {
        using var http = Host.Client();
        var original = Checkin("conflict-1");
        var changed = original.Replace("m-conflict-1", "m-someone-else");
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/events", Json(original))).StatusCode);
        var stored = await Host.StoredEventsAsync();

        var same = await http.PostAsync("/api/events", Json(original));
        var conflict = await http.PostAsync("/api/events", Json(Batch(Checkin("conflict-new"), changed)));

        Assert.Equal(HttpStatusCode.Accepted, same.StatusCode);
        Assert.Equal(1, (await same.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicates").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var errors = (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("conflict-1", errors.GetProperty("[1].id")[0].GetString());
        Assert.False(errors.TryGetProperty("[0].id", out _));
        // Nothing of the refused request was stored, not even its new event.
        Assert.Equal(stored, await Host.StoredEventsAsync());
    }
}
