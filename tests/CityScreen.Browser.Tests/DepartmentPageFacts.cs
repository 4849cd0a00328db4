using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CityScreen.Server.Tests;
using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

/// <summary>The leaders' department page (/explore/department/{id}) against the department API, in headless Chromium.</summary>
[Collection("browser")]
public class DepartmentPageFacts(BrowserFixture fixture)
{
    private const string Department = "610602-cgzf";

    [Fact]
    public async Task The_department_page_shows_the_apis_counts_lists_its_whistles_and_downloads_them_as_csv()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerProcess.ApiKey);
        var caseId = $"AJ-dpage-{Guid.NewGuid():N}";
        foreach (var body in new[] { Payloads.Reported("dpage-r-" + caseId, caseId), Payloads.Whistled("dpage-w-" + caseId, caseId, Department, "610602-zj"),
                     Payloads.RespondedBy("dpage-a-" + caseId, caseId, Department) })
            (await http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var errors = new List<string>();
        Directory.CreateDirectory("screenshots");
        var url = $"/explore/department/{Department}?area={Payloads.Street}";

        // A leader comes from the street's page: its 部门 section links to the department there.
        var page = await fixture.OpenAsync($"/explore/{Payloads.Street}");
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        var link = page.Locator($".explore-departments a[href='{url}']");
        await Assertions.Expect(link).ToHaveCountAsync(1);
        await page.Locator(".explore-departments").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine("screenshots", "explore-street-departments.png") });
        await link.ClickAsync();
        await page.WaitForURLAsync(new Uri(fixture.Server.BaseAddress, url).ToString());

        // The simulator keeps the district busy: the page and the API agree once both read the same version.
        await Assertions.Expect(page.Locator($"tr[data-case-id='{caseId}']")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        var mismatch = "";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var api = await http.GetFromJsonAsync<JsonElement>($"/api/departments/{Department}?areaId={Payloads.Street}");
            mismatch = await MismatchAsync(page, api);
            if (mismatch == "") break;
            await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
        }
        Assert.Equal("", mismatch);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".explore-table h2 a.export").First.ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("案件编号,标题", csv.TrimStart('\uFEFF'));
        Assert.Contains(caseId, csv);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "department-page-1920.png") });
        Assert.Empty(errors);
    }

    /// <summary>Each indicator's numerator and denominator on the page against the API's counts; "" when they agree.</summary>
    private static async Task<string> MismatchAsync(IPage page, JsonElement api)
    {
        var problems = new StringBuilder();
        foreach (var counts in api.GetProperty("counts").EnumerateObject())
        {
            var detail = page.Locator($".department-kpis [data-indicator='{counts.Name}'] .kpi-detail");
            var numerator = await detail.GetAttributeAsync("data-numerator");
            var denominator = await detail.GetAttributeAsync("data-denominator");
            var expected = (counts.Value.GetProperty("numerator").GetInt64().ToString(CultureInfo.InvariantCulture),
                counts.Value.GetProperty("denominator").GetInt64().ToString(CultureInfo.InvariantCulture));
            if ((numerator, denominator) != expected) problems.Append($"{counts.Name}: page {numerator}/{denominator}, API {expected.Item1}/{expected.Item2}; ");
        }
        var dp01 = api.GetProperty("indicators").GetProperty("DP01").GetDouble().ToString("0", CultureInfo.InvariantCulture);
        var shown = await page.Locator(".department-kpis [data-indicator='DP01'] .kpi-value").InnerTextAsync();
        if (!shown.StartsWith(dp01 + " ", StringComparison.Ordinal)) problems.Append($"DP01: page {shown}, API {dp01}");
        return problems.ToString();
    }
}
