using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>Tokens leave URLs at once, and tokens carry expiries (issue 16, item 4).</summary>
[Collection("secured")]
public class UrlTokenFacts(SecuredHostFixture fixture)
{
    private ServerHost Host => fixture.Host;

    [Fact]
    public async Task A_page_opened_with_a_token_gets_it_as_an_http_only_cookie_and_is_sent_to_the_same_address_without_it()
    {
        using var admin = Host.AdminClient();
        var (_, token) = await Access.IssueTokenAsync(admin, "wall", Street, "大屏-地址");
        var cookies = new CookieContainer();
        using var wall = Page(cookies);

        var first = await wall.GetAsync($"/screen/{Street}?layout=street-wall&token={token}&scale=fill");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/screen/{Street}?layout=street-wall&scale=fill", first.Headers.Location!.OriginalString);
        var setCookie = first.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith("cityscreen_token=", setCookie);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync(first.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task The_api_never_accepts_a_token_in_its_address()
    {
        using var admin = Host.AdminClient();
        var (_, token) = await Access.IssueTokenAsync(admin, "wall", Street, "大屏-接口");
        using var script = new HttpClient { BaseAddress = Host.BaseAddress };

        var response = await script.GetAsync($"/api/areas/{Street}?token={token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_browser_with_a_valid_session_keeps_it_and_the_token_in_the_address_is_only_dropped()
    {
        using var admin = Host.AdminClient();
        var (_, street) = await Access.IssueTokenAsync(admin, "wall", Street, "大屏-本街道");
        var (_, other) = await Access.IssueTokenAsync(admin, "wall", "610602002", "大屏-别的街道");
        var cookies = new CookieContainer();
        using var wall = Page(cookies);
        await wall.GetAsync($"/screen?token={street}");

        var second = await wall.GetAsync($"/screen?token={other}");

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/screen", second.Headers.Location!.OriginalString);
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.Equal(street, cookies.GetCookies(Host.BaseAddress)["cityscreen_token"]!.Value);
    }

    [Fact]
    public async Task An_admin_token_must_expire_and_an_issued_expiry_is_kept_and_listed()
    {
        using var admin = Host.AdminClient();

        var forever = await admin.PostAsJsonAsync("/api/admin/tokens", new { role = "admin", name = "运维-永久" });
        var past = await admin.PostAsJsonAsync("/api/admin/tokens", new { role = "wall", areaId = Street, name = "大屏-过去", expiresAt = DateTimeOffset.UtcNow.AddDays(-1) });
        var both = await admin.PostAsJsonAsync("/api/admin/tokens", new { role = "admin", name = "运维-两者", expiresAt = DateTimeOffset.UtcNow.AddDays(1), expiresInDays = 1 });
        var week = await admin.PostAsJsonAsync("/api/admin/tokens", new { role = "admin", name = "运维-一周", expiresInDays = 7 });

        Assert.Equal(HttpStatusCode.BadRequest, forever.StatusCode);
        Assert.True((await JsonAsync(forever)).GetProperty("errors").TryGetProperty("expiresAt", out _));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await JsonAsync(past)).GetProperty("errors").TryGetProperty("expiresAt", out _));
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(HttpStatusCode.Created, week.StatusCode);
        var created = await JsonAsync(week);
        var expires = created.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(6.9), DateTimeOffset.UtcNow.AddDays(7.1));
        var listed = (await JsonAsync(await admin.GetAsync("/api/admin/tokens"))).EnumerateArray().Single(t => t.GetProperty("id").GetString() == created.GetProperty("id").GetString());
        Assert.InRange(listed.GetProperty("expiresAt").GetDateTimeOffset(), expires.AddMilliseconds(-1), expires.AddMilliseconds(1));
    }

    private HttpClient Page(CookieContainer cookies)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };
        http.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return http;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
