using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using CityScreen.Testing;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>爱心积分 names: stored as sent, shown only masked, on the wall, the API and the hub.</summary>
[Collection("host")]
public class LovePointNamesFacts(HostFixture fixture)
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ServerHost Host => fixture.Host;

    /// <summary>JSON with its strings as characters (an encoder may have written 诸 as \u8BF8).</summary>
    private static string Readable(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, Unescaped);

    [Fact]
    public async Task A_full_name_from_a_registration_or_from_points_never_leaves_the_server_only_its_masked_form()
    {
        var g = Guid.NewGuid().ToString("N")[..8];
        await using var hub = new HubClient(Host.BaseAddress);
        await hub.StartAsync();
        await hub.SubscribeAsync(Grid);
        await hub.SubscribeAsync(Street);
        using var http = Host.Client();
        string Head(string id, string type) => $"\"id\":\"{id}-{g}\",\"type\":\"{type}\",\"occurredAt\":\"{Now(5)}\",\"gridId\":\"{Grid}\",\"source\":\"points\"";
        var response = await http.PostAsync("/api/events", Json(Batch(
            $$"""{{{Head("reg", "member.registered")}},"memberId":"M-{{g}}","unitId":"U-{{g}}","name":"诸葛青云"}""",
            $$"""{{{Head("a1", "points.awarded")}},"personId":"M-{{g}}","points":9000}""",
            $$"""{{{Head("a2", "points.awarded")}},"personId":"R-{{g}}","points":8000,"name":"欧阳明月"}""")));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        // The wall shows both, masked, once the snapshot has them.
        string html = "";
        await Eventually.HoldsAsync(async () =>
        {
            html = await http.GetStringAsync($"/screen/{Street}?layout=co-building");
            return html.Contains("诸葛**", StringComparison.Ordinal) && html.Contains("欧阳**", StringComparison.Ordinal);
        }, "the masked names on the 爱心积分 board");
        var street = Readable(await http.GetStringAsync($"/api/areas/{Street}"));
        var grid = Readable(await http.GetStringAsync($"/api/areas/{Grid}"));
        await HubClient.ReceiveAsync(hub.Indicators, m => m.GetProperty("areaId").GetString() == Grid && m.GetRawText().Contains("LP01", StringComparison.Ordinal), "the grid's snapshot after the points");

        foreach (var full in new[] { "诸葛青云", "欧阳明月", "青云", "明月" })
        {
            Assert.DoesNotContain(full, html, StringComparison.Ordinal);
            Assert.DoesNotContain(full, street, StringComparison.Ordinal);
            Assert.DoesNotContain(full, grid, StringComparison.Ordinal);
            Assert.All(hub.Indicators, m => Assert.DoesNotContain(full, Readable(m.GetRawText()), StringComparison.Ordinal));
        }
    }
}
