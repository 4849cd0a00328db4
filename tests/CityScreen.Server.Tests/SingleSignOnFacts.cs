using System.Net;
using System.Text.Json;
using CityScreen.Server.Security;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>OpenID Connect sign-in against a real provider process-local on Kestrel: the local account decides the scope.</summary>
public class SingleSignOnFacts
{
    [Fact]
    public async Task A_provider_sign_in_becomes_a_session_with_the_local_accounts_scope_and_a_stranger_is_refused()
    {
        await using var provider = new FakeIdentityProvider();
        await provider.StartAsync();
        await using var host = new ServerHost();
        await host.StartAsync("--CityScreen:Auth:AnonymousRead", "false",
            "--CityScreen:Auth:Oidc:Authority", provider.Authority.ToString(),
            "--CityScreen:Auth:Oidc:ClientId", FakeIdentityProvider.ClientId,
            "--CityScreen:Auth:Oidc:RequireHttpsMetadata", "false");
        Assert.Equal(0, await UsersCommand.RunAsync(["add", "zhao", "--role", "leader", "--area", Street,
            "--CityScreen:Storage:SqlitePath", Path.Combine(host.DataDirectory, "events.db")]));

        provider.UserName = "zhao";
        var (zhao, landing) = await SignInAsync(host);
        provider.UserName = "stranger";
        var (_, refused) = await SignInAsync(host);

        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Equal("/screen", landing.Headers.Location!.OriginalString);
        var ids = JsonDocument.Parse(await zhao.GetStringAsync("/api/areas")).RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
        Assert.Contains(Street, ids);
        Assert.All(ids, id => Assert.StartsWith(Street, id));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("没有该账号", await refused.Content.ReadAsStringAsync());
    }

    /// <summary>Follows the redirects by hand from /login/sso until the answer leaves the provider's round trip.</summary>
    private static async Task<(HttpClient Browser, HttpResponseMessage Last)> SignInAsync(ServerHost host)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        var response = await browser.GetAsync("/login/sso?returnUrl=%2Fscreen");
        for (var hop = 0; hop < 5 && response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.IsAbsoluteUri; hop++)
            response = await browser.GetAsync(response.Headers.Location);
        return (browser, response);
    }
}
