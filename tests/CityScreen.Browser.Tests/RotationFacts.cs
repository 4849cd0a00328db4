using System.Text;
using CityScreen.Server.Tests;
using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

[Collection("rotation")]
public class RotationFacts(RotationFixture fixture)
{
    // Bounded waits: generous against a busy machine, and a failure names what did not happen.
    private const float Patience = 30_000;

    [Fact]
    public async Task A_rotation_moves_to_the_next_page_by_itself_and_comes_round_again()
    {
        var page = await fixture.OpenAsync($"/screen?rotation={RotationFixture.Streets}");
        var here = page.Locator(".crumbs .here");
        await Assertions.Expect(here).ToHaveTextAsync("宝塔山街道");

        await Assertions.Expect(here).ToHaveTextAsync("南市街道", new LocatorAssertionsToHaveTextOptions { Timeout = Patience });
        Assert.Contains("page=1", page.Url);
        Assert.Equal("street", await page.GetAttributeAsync(".canvas", "data-layout"));

        await Assertions.Expect(here).ToHaveTextAsync("宝塔山街道", new LocatorAssertionsToHaveTextOptions { Timeout = Patience });
        Assert.Contains("page=0", page.Url);
    }

    [Fact]
    public async Task A_critical_case_takes_the_wall_over_flashing_then_the_page_resumes()
    {
        const string grid = "610602005003002";
        var page = await fixture.OpenAsync($"/screen?rotation={RotationFixture.Takeover}");
        Assert.Equal("city-wall", await page.GetAttributeAsync(".canvas", "data-layout"));
        await Assertions.Expect(page.Locator(".takeover-banner")).ToHaveCountAsync(0);

        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerProcess.ApiKey);
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz");
        var body = $$"""{"id":"takeover-1","type":"case.reported","occurredAt":"{{now}}","gridId":"{{grid}}","source":"test","caseId":"AJ-takeover-1","kind":"event","category":"安全隐患","level":"critical","title":"燃气管道泄漏","location":[109.49,36.59]}""";
        (await http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var banner = page.Locator(".takeover-banner");
        await Assertions.Expect(banner).ToContainTextAsync("燃气管道泄漏", new LocatorAssertionsToContainTextOptions { Timeout = Patience });
        Assert.Equal("grid", await page.GetAttributeAsync(".canvas", "data-layout"));
        await Assertions.Expect(page.Locator(".canvas.takeover")).ToHaveCountAsync(1);
        Assert.Equal("infinite", await banner.EvaluateAsync<string>("e => getComputedStyle(e).animationIterationCount"));
        await Assertions.Expect(page.Locator(".crumbs")).ToContainTextAsync("桥沟街道");

        await Assertions.Expect(banner).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = Patience });
        Assert.Equal("city-wall", await page.GetAttributeAsync(".canvas", "data-layout"));
        Assert.Equal("延安市", await page.Locator(".crumbs .here").InnerTextAsync());
    }
}
