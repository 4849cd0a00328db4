using System.Text;
using CityScreen.Server.Tests;
using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

[Collection("browser")]
public class WhistleBoardFacts(BrowserFixture fixture)
{
    [Fact]
    public async Task A_street_wall_lists_the_summoned_departments_as_pending_until_each_arrives()
    {
        var page = await fixture.OpenAsync($"/screen/{Payloads.Street}");
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerProcess.ApiKey);
        async Task PostAsync(string body) =>
            (await http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var caseId = $"AJ-whistle-{Guid.NewGuid():N}";

        await PostAsync(Payloads.Reported("whistle-r-" + caseId, caseId));
        await PostAsync(Payloads.Whistled("whistle-w-" + caseId, caseId, "610602-cgzf", "610602-zj"));

        var whistle = page.Locator($"[data-panel-id='whistles'] li.whistle[data-case='{caseId}']:not([aria-hidden])");
        var timeout = new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 };
        await Assertions.Expect(whistle.Locator(".dept.pending")).ToHaveCountAsync(2, timeout);
        await Assertions.Expect(whistle.Locator(".dept.pending[data-department='610602-cgzf']")).ToHaveCountAsync(1, timeout);
        await Assertions.Expect(whistle.Locator(".dept.pending[data-department='610602-zj']")).ToHaveCountAsync(1, timeout);

        await PostAsync(Payloads.RespondedBy("whistle-a-" + caseId, caseId, "610602-cgzf"));

        await Assertions.Expect(whistle.Locator(".dept.pending[data-department='610602-cgzf']")).ToHaveCountAsync(0, timeout);
        await Assertions.Expect(whistle.Locator(".dept.arrived[data-department='610602-cgzf']")).ToHaveCountAsync(1, timeout);
        await Assertions.Expect(whistle.Locator(".dept.pending[data-department='610602-zj']")).ToHaveCountAsync(1, timeout);

        // The street wall with both boards, as docs/dashboards.md shows it.
        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "street-departments-1920.png") });
    }
}
