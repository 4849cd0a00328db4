using System.Net;
using System.Text.Json;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>Every protected route without, with wrong and with right credentials, on a host without anonymous reading.</summary>
[Collection("secured")]
public class AccessFacts(SecuredHostFixture fixture)
{
    private ServerHost Host => fixture.Host;

    public static TheoryData<string, string, string, int> Routes => new()
    {
        // method, path, who may (read = any identity, admin), the answer to the right identity
        { "GET", "/api/areas", "read", 200 },
        { "GET", $"/api/areas/{Street}", "read", 200 },
        { "GET", $"/api/areas/{Grid}/cases", "read", 200 },
        { "GET", $"/api/areas/{Street}/children.csv", "read", 200 },
        { "GET", "/api/indices?level=street", "read", 404 },
        { "GET", $"/api/areas/{Street}/index/history", "read", 404 },
        { "GET", "/api/admin/tokens", "admin", 200 },
        { "GET", "/api/admin/ingest-keys", "admin", 200 },
        { "GET", "/api/admin/audit", "admin", 200 },
        { "POST", "/api/admin/indices/recompute?from=2026-01-01&to=2026-01-02", "admin", 202 },
        { "DELETE", "/api/admin/tokens/nonexistent", "admin", 404 },
        { "GET", "/hangfire", "admin", 200 },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_protected_route_answers_401_without_and_with_wrong_credentials_and_works_with_right_ones(string method, string path, string who, int expected)
    {
        using var none = new HttpClient { BaseAddress = Host.BaseAddress };
        using var wrongToken = Access.Bearer(Host.BaseAddress, "cst_not-a-real-token");
        using var wrongPassword = Access.Basic(Host.BaseAddress, "admin", "not-the-password");
        using var admin = Host.AdminClient();
        var (_, leaderToken) = await Access.IssueTokenAsync(admin, "leader", Street, "宝塔山街道书记");
        using var leader = Access.Bearer(Host.BaseAddress, leaderToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(none, method, path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(wrongToken, method, path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(wrongPassword, method, path)).StatusCode);
        if (who == "admin")
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(leader, method, path)).StatusCode);
            Assert.Equal(expected, (int)(await SendAsync(admin, method, path)).StatusCode);
        }
        else
        {
            Assert.Equal(expected, (int)(await SendAsync(leader, method, path)).StatusCode);
        }
    }

    [Fact]
    public async Task A_401_says_what_to_send()
    {
        using var none = new HttpClient { BaseAddress = Host.BaseAddress };

        var response = await none.GetAsync("/api/areas");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("Authorization", (await JsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_page_without_credentials_goes_to_the_sign_in_page_and_the_hub_refuses_the_connection()
    {
        using var none = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };
        none.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var page = await none.GetAsync("/screen");
        await using var hub = new HubClient(Host.BaseAddress);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.OriginalString);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(hub.StartAsync);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Ingest_answers_401_without_and_with_a_wrong_key_and_202_with_a_right_one()
    {
        using var none = new HttpClient { BaseAddress = Host.BaseAddress };
        using var wrong = new HttpClient { BaseAddress = Host.BaseAddress };
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "csk_wrong");
        using var right = Host.Client();

        Assert.Equal(HttpStatusCode.Unauthorized, (await none.PostAsync("/api/events", Json(Checkin("acc-ingest-1")))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync("/api/events", Json(Checkin("acc-ingest-1")))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await right.PostAsync("/api/events", Json(Checkin("acc-ingest-1")))).StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_and_the_revocation_is_audited()
    {
        using var admin = Host.AdminClient();
        var (id, token) = await Access.IssueTokenAsync(admin, "wall", Street, "大屏-待撤销");
        using var wall = Access.Bearer(Host.BaseAddress, token);
        Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync($"/api/areas/{Street}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/tokens/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await wall.GetAsync($"/api/areas/{Street}")).StatusCode);
        var audit = await JsonAsync(await admin.GetAsync("/api/admin/audit"));
        var entry = audit.EnumerateArray().First(e => e.GetProperty("action").GetString() == "token.revoked" && e.GetProperty("detail").GetString() == id);
        Assert.StartsWith("admin", entry.GetProperty("actor").GetString());
    }

    [Theory]
    [InlineData("""{"role":"king","areaId":"610602001","name":"x"}""", "role")]
    [InlineData("""{"role":"leader","name":"x"}""", "areaId")]
    [InlineData("""{"role":"wall","areaId":"nowhere","name":"x"}""", "areaId")]
    [InlineData("""{"role":"wall","areaId":"610602001","name":""}""", "name")]
    [InlineData("""{"role":"wall",""", "$")]
    public async Task A_bad_token_request_is_400_naming_the_field_and_issues_nothing(string body, string field)
    {
        using var admin = Host.AdminClient();
        var before = (await JsonAsync(await admin.GetAsync("/api/admin/tokens"))).GetArrayLength();

        var response = await admin.PostAsync("/api/admin/tokens", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _), $"errors name '{field}'");
        Assert.Equal(before, (await JsonAsync(await admin.GetAsync("/api/admin/tokens"))).GetArrayLength());
    }

    [Fact]
    public async Task Answers_carry_the_security_headers()
    {
        using var admin = Host.AdminClient();
        admin.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var page = await admin.GetAsync("/screen");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
    }

    [Fact]
    public async Task The_sign_in_form_needs_its_antiforgery_token_and_a_right_password()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };
        var form = await (await browser.GetAsync("/login")).Content.ReadAsStringAsync();
        var field = System.Text.RegularExpressions.Regex.Match(form, "name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]+)\"");
        Assert.True(field.Success, "the form carries an antiforgery token");

        var forged = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "admin", ["password"] = ServerHost.AdminPassword }));
        var wrong = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field.Groups[1].Value] = WebUtility.HtmlDecode(field.Groups[2].Value), ["name"] = "admin", ["password"] = "guess",
        }));
        var right = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field.Groups[1].Value] = WebUtility.HtmlDecode(field.Groups[2].Value), ["name"] = "admin", ["password"] = ServerHost.AdminPassword, ["returnUrl"] = "//evil.example/",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("用户名或密码错误", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/screen", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/admin/audit")).StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string method, string path) =>
        http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
