using System.Text;
using CityScreen.Server.Tests;
using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

/// <summary>A community's three lists on /explore/{communityId}, in headless Chromium: statuses, filters, the CSV export with the same filters.</summary>
[Collection("browser")]
public class CommunityListsFacts(BrowserFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_leader_sees_a_need_in_its_project_and_the_claimant_filters_the_projects_and_exports_them_as_filtered()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerProcess.ApiKey);
        var g = Guid.NewGuid().ToString("N")[..8];
        async Task PostAsync(string suffix, string type, string fields) =>
            (await http.PostAsync("/api/events", new StringContent(
                $$"""{"id":"cl-{{suffix}}-{{g}}","type":"{{type}}","occurredAt":"{{Payloads.Now()}}","gridId":"{{Payloads.Grid}}","source":"party-cloud",{{fields}}}""",
                Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        await PostAsync("u", "unit.registered", $$"""
            "unitId":"U-{{g}}","name":"延安市第三中学","kind":"学校"
            """);
        await PostAsync("n", "need.listed", $$"""
            "needId":"N-{{g}}","category":"助学","title":"周末作业辅导","origin":"点单"
            """);
        await PostAsync("p", "project.published", $$"""
            "projectId":"P-{{g}}","title":"周末课堂","needIds":["N-{{g}}"],"resourceIds":[]
            """);
        await PostAsync("c", "project.claimed", $$"""
            "projectId":"P-{{g}}","unitId":"U-{{g}}"
            """);
        var errors = new List<string>();
        // The first read of a community's lists folds its whole history (cached afterwards); the fixture's host may still be backfilling.
        var warm = System.Diagnostics.Stopwatch.StartNew();
        using (var slow = new HttpClient { BaseAddress = fixture.Server.BaseAddress, Timeout = TimeSpan.FromMinutes(3) })
        {
            slow.DefaultRequestHeaders.Add("X-Api-Key", ServerProcess.ApiKey);
            (await slow.GetAsync($"/api/areas/{Payloads.Community}/needs")).EnsureSuccessStatusCode();
        }
        output.WriteLine($"first read of the lists: {warm.Elapsed.TotalSeconds:0.0} s");

        var page = await fixture.OpenAsync($"/explore/{Payloads.Community}");
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await Assertions.Expect(page.Locator($"#needs tr[data-need-id='N-{g}'] .status")).ToHaveTextAsync("已立项");
        // The page is prerendered: a choice made before its circuit is up is lost, so choose until the export link follows.
        async Task ChooseAsync(int select, string value, string inExport)
        {
            for (var attempt = 1; ; attempt++)
            {
                await page.Locator("#projects select").Nth(select).SelectOptionAsync(value);
                try
                {
                    await page.WaitForFunctionAsync("part => document.querySelector('#projects a.export').getAttribute('href').includes(part)", inExport,
                        new PageWaitForFunctionOptions { Timeout = 2_000 });
                    return;
                }
                catch (TimeoutException) when (attempt < 10)
                {
                }
            }
        }
        await ChooseAsync(0, "claimed", "status=claimed");
        await ChooseAsync(1, $"U-{g}", $"unit=U-{g}");
        var row = page.Locator($"#projects tr[data-project-id='P-{g}']");
        await Assertions.Expect(row.Locator(".claimant")).ToHaveTextAsync("延安市第三中学");
        await Assertions.Expect(page.Locator("#projects tbody tr")).ToHaveCountAsync(1);
        var export = await page.Locator("#projects a.export").GetAttributeAsync("href");
        Assert.Equal($"/api/areas/{Payloads.Community}/projects?format=csv&status=claimed&unit=U-{g}", export);
        var csv = Encoding.UTF8.GetString(await http.GetByteArrayAsync(export));
        Assert.Contains($"P-{g},周末课堂,", csv, StringComparison.Ordinal);
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.True(await page.Locator("#needs tbody tr").CountAsync() > 5, "the simulated history's needs are listed too");
        Assert.Empty(errors);

        // The community's lists, as docs/dashboards.md shows them.
        await ChooseAsync(0, "", "format=csv");
        await ChooseAsync(1, "", "format=csv");
        Directory.CreateDirectory("screenshots");
        await page.EvaluateAsync("() => document.querySelector('#needs').scrollIntoView()");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "explore-community-lists.png") });
        await page.Locator("#projects").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine("screenshots", "explore-community-projects.png") });
    }
}
