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

        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        (await PostAsync(Enumerable.Range(0, 6).SelectMany(n => Case($"AJ-live-browser-{n}", now.AddHours(-4).AddMinutes(n), late: true)))).EnsureSuccessStatusCode();

        await Assertions.Expect(live.Locator("b")).Not.ToHaveTextAsync(before, new LocatorAssertionsToHaveTextOptions { Timeout = 20_000 });
        await Assertions.Expect(live).ToContainTextAsync("实时估算");
        var shot = Path.Combine(AppContext.BaseDirectory, "screenshots", "live-index.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await page.Locator("[data-panel-id='index']").ScreenshotAsync(new LocatorScreenshotOptions { Path = shot });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(shot, ".wall.png") });
    }

    /// <summary>
    /// The live index scores with a night's weights: yesterday gets a few of the grid's cases and
    /// the operator's recompute (which first simulates the demo's history before it), then the
    /// host finds the new night within a minute.
    /// </summary>
    private async Task WaitForTheLiveIndexAsync()
    {
        using var admin = Access.Basic(fixture.Server.BaseAddress, "admin", ServerProcess.AdminPassword);
        var yesterday = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(-1);
        var cases = Enumerable.Range(0, 3).SelectMany(n => Case($"AJ-live-yesterday-{n}", new DateTimeOffset(yesterday.AddHours(9 + n), TimeSpan.FromHours(8)), late: false));
        (await PostAsync(cases)).EnsureSuccessStatusCode();
        var date = DateOnly.FromDateTime(yesterday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (await admin.PostAsync($"/api/admin/indices/recompute?from={date}&to={date}", null)).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () =>
            {
                var area = await admin.GetFromJsonAsync<JsonElement>($"/api/areas/{Grid}");
                return area.GetProperty("liveIndex").ValueKind == JsonValueKind.Object;
            },
            "the live index of the grid", TimeSpan.FromMinutes(8), TimeSpan.FromSeconds(2));
    }

    private async Task<HttpResponseMessage> PostAsync(IEnumerable<string> events)
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerProcess.ApiKey);
        return await http.PostAsync("/api/events", new StringContent("[" + string.Join(",", events) + "]", Encoding.UTF8, "application/json"));
    }

    /// <summary>A case reported at <paramref name="at"/>, due an hour later, closed within it or two hours late.</summary>
    private static IEnumerable<string> Case(string id, DateTimeOffset at, bool late)
    {
        string T(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        var common = $"\"gridId\":\"{Grid}\",\"source\":\"test\",\"caseId\":\"{id}\"";
        yield return $$"""{"id":"{{id}}-r","type":"case.reported","occurredAt":"{{T(at)}}",{{common}},"kind":"event","category":"市容环境","level":"normal","title":"浏览器测试"}""";
        yield return $$"""{"id":"{{id}}-f","type":"case.filed","occurredAt":"{{T(at.AddMinutes(10))}}",{{common}},"dueAt":"{{T(at.AddHours(1))}}"}""";
        yield return $$"""{"id":"{{id}}-c","type":"case.closed","occurredAt":"{{T(at.AddHours(late ? 3 : 0.5))}}",{{common}}}""";
    }
}
