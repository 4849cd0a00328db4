using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CityScreen.Server.Tests;
using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

[Collection("browser")]
public class LiveIndexWallFacts(BrowserFixture fixture)
{
    private const string Grid = "610602003002001";

    [Fact]
    public async Task The_live_index_on_a_wall_s_index_panel_moves_after_posted_events_and_says_it_is_an_estimate()
    {
        await WaitForTheLiveIndexAsync();
        var page = await fixture.OpenAsync($"/screen/{Grid}");
        var live = page.Locator("[data-panel-id='index'] .index-live");
        // The wall reads the nightly index once a minute and the live one with its charts.
        await Assertions.Expect(live).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 90_000 });
        await Assertions.Expect(live).ToContainTextAsync("实时估算");
        var before = await live.Locator("b").InnerTextAsync();

        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerProcess.ApiKey);
        var body = "[" + string.Join(",", Enumerable.Range(0, 6).SelectMany(LateClosure)) + "]";
        (await http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        await Assertions.Expect(live.Locator("b")).Not.ToHaveTextAsync(before, new LocatorAssertionsToHaveTextOptions { Timeout = 20_000 });
        await Assertions.Expect(live).ToContainTextAsync("实时估算");
        var shot = Path.Combine(AppContext.BaseDirectory, "screenshots", "live-index.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await page.Locator("[data-panel-id='index']").ScreenshotAsync(new LocatorScreenshotOptions { Path = shot });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(shot, ".wall.png") });
    }

    /// <summary>
    /// The demo's start-up catch-up computes the simulated history's nights; the live index exists
    /// once the newest of them does (the host looks for a new night once a minute).
    /// </summary>
    private async Task WaitForTheLiveIndexAsync()
    {
        using var reader = Access.Basic(fixture.Server.BaseAddress, "admin", ServerProcess.AdminPassword);
        await Eventually.HoldsAsync(async () =>
            {
                var area = await reader.GetFromJsonAsync<JsonElement>($"/api/areas/{Grid}");
                return area.GetProperty("liveIndex").ValueKind == JsonValueKind.Object;
            },
            "the live index of the grid", TimeSpan.FromMinutes(8), TimeSpan.FromSeconds(2));
    }

    /// <summary>A case reported four hours ago, due one hour later, closed two hours late.</summary>
    private static IEnumerable<string> LateClosure(int n)
    {
        var at = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddHours(-4).AddMinutes(n);
        string T(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        var id = $"AJ-live-browser-{n}";
        var common = $"\"gridId\":\"{Grid}\",\"source\":\"test\",\"caseId\":\"{id}\"";
        yield return $$"""{"id":"{{id}}-r","type":"case.reported","occurredAt":"{{T(at)}}",{{common}},"kind":"event","category":"市容环境","level":"normal","title":"浏览器测试"}""";
        yield return $$"""{"id":"{{id}}-f","type":"case.filed","occurredAt":"{{T(at.AddMinutes(10))}}",{{common}},"dueAt":"{{T(at.AddHours(1))}}"}""";
        yield return $$"""{"id":"{{id}}-c","type":"case.closed","occurredAt":"{{T(at.AddHours(3))}}",{{common}}}""";
    }
}
