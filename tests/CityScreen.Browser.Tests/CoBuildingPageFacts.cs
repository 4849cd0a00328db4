using System.Text;
using CityScreen.Server.Tests;
using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

[Collection("browser")]
public class CoBuildingPageFacts(BrowserFixture fixture)
{
    [Fact]
    public async Task A_need_answered_by_a_project_claimed_completed_and_rated_moves_the_funnel_and_the_unit_ranking_on_a_live_wall()
    {
        var page = await fixture.OpenAsync($"/screen/{Payloads.Street}?layout=co-building");
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerProcess.ApiKey);
        var g = Guid.NewGuid().ToString("N")[..8];
        async Task PostAsync(string suffix, string type, string fields) =>
            (await http.PostAsync("/api/events", new StringContent(
                $$"""{"id":"cb-{{suffix}}-{{g}}","type":"{{type}}","occurredAt":"{{Payloads.Now()}}","gridId":"{{Payloads.Grid}}","source":"party-cloud",{{fields}}}""",
                Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        async Task<long> CountAsync(string stage) =>
            long.Parse(await page.Locator($"[data-panel-id='funnel'] [data-stage='{stage}'] .funnel-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        // The simulator lists and claims too, so each step waits for the stage to reach at least one more than before.
        async Task MovesAsync(string stage, long before) =>
            await page.WaitForFunctionAsync(
                "([stage, least]) => Number(document.querySelector(`[data-panel-id='funnel'] [data-stage='${stage}'] .funnel-count`)?.textContent) >= least",
                new object[] { stage, before + 1 }, new PageWaitForFunctionOptions { Timeout = 10_000 });

        await Assertions.Expect(page.Locator("[data-panel-id='funnel'] .funnel-stage")).ToHaveCountAsync(5);
        await PostAsync("u", "unit.registered", $$"""
            "unitId":"U-{{g}}","name":"延安市第二中学","kind":"学校","agreementSignedAt":"{{Payloads.Now(60)}}"
            """);

        var needs = await CountAsync("needs");
        await PostAsync("n", "need.listed", $$"""
            "needId":"N-{{g}}","category":"助学","title":"放学后托管","origin":"走访"
            """);
        await MovesAsync("needs", needs);

        var (published, resources) = (await CountAsync("published"), await CountAsync("resources"));
        await PostAsync("r", "resource.listed", $$"""
            "resourceId":"R-{{g}}","unitId":"U-{{g}}","category":"助学","title":"教师志愿辅导"
            """);
        await MovesAsync("resources", resources);
        await PostAsync("p", "project.published", $$"""
            "projectId":"P-{{g}}","title":"四点半课堂","needIds":["N-{{g}}"],"resourceIds":["R-{{g}}"]
            """);
        await MovesAsync("published", published);

        var claimed = await CountAsync("claimed");
        await PostAsync("c", "project.claimed", $$"""
            "projectId":"P-{{g}}","unitId":"U-{{g}}"
            """);
        await MovesAsync("claimed", claimed);

        var completed = await CountAsync("completed");
        await PostAsync("d", "project.completed", $$"""
            "projectId":"P-{{g}}","unitId":"U-{{g}}"
            """);
        await MovesAsync("completed", completed);

        // The unit that completed it enters the 共建单位 ranking under its registered name, and a rating moves it.
        var unit = page.Locator($"[data-panel-id='units'] li[data-unit='U-{g}']:not([aria-hidden])");
        await Assertions.Expect(unit.Locator(".name")).ToHaveTextAsync("延安市第二中学");
        await Assertions.Expect(unit.Locator(".completed")).ToHaveTextAsync("1");
        await PostAsync("s", "project.rated", $$"""
            "projectId":"P-{{g}}","score":5
            """);
        await Assertions.Expect(unit.Locator(".rating")).ToHaveTextAsync("5.0分1条");

        await Assertions.Expect(page.Locator("[data-panel-id='funnel'] .funnel-rate-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9.]+%$"));
        await Assertions.Expect(page.Locator("[data-panel-id='double-report'] .double-report li:not([aria-hidden])").First).ToBeVisibleAsync();

        // The 爱心积分 board names its contributors masked (surname and stars, or 居民), and the map carries the street's service sites.
        var names = await page.Locator("[data-panel-id='love-points'] .love-points li .name").AllInnerTextsAsync();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Matches(@"^(\p{IsCJKUnifiedIdeographs}{1,2}\*+|\*|居民)$", n));
        Assert.True(await page.Locator("[data-panel-id='map'] .site-layer .site").CountAsync() > 0, "the street's service sites on the map");
        await PostAsync("st", "site.served", """
            "siteId":"610602001001-dqfw","people":12
            """);
        await Assertions.Expect(page.Locator("[data-panel-id='map'] .site[data-site-id='610602001001-dqfw']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bserving\\b"));
        Assert.Empty(errors);

        // The 党建共建 page of a street, as docs/dashboards.md shows it.
        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "co-building-1920.png") });
    }
}
