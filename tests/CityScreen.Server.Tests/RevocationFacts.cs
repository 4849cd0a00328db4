using System.Net;
using System.Text;
using System.Text.Json;
using CityScreen.Server.Security;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>
/// Withdrawing a credential reaches the screens already open with it: hub connections close, and
/// the CLI's passwd and remove end the account's sessions (issue 16, item 3). Against a real server process.
/// </summary>
public class RevocationFacts
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    // Long enough for the connection to open on a loaded machine before the token ends.
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task A_hub_connection_opened_with_a_token_is_listed_for_admins_and_closes_when_the_token_is_revoked()
    {
        var directory = Directory.CreateTempSubdirectory("cityscreen-revoke-").FullName;
        await using var server = new ServerProcess(directory, "--CityScreen:Auth:AnonymousRead", "false", "--CityScreen:Auth:RevalidationInterval", "00:00:01");
        await server.StartAsync();
        using var admin = Access.Basic(server.BaseAddress, "admin", ServerProcess.AdminPassword);
        var (id, token) = await Access.IssueTokenAsync(admin, "wall", Street, "大屏-将撤销");
        await using var wall = new HubClient(server.BaseAddress, token);
        await wall.StartAsync();
        await wall.SubscribeAsync(Street);

        var sessions = JsonDocument.Parse(await admin.GetStringAsync("/api/admin/sessions")).RootElement;
        Assert.Contains(sessions.EnumerateArray(), s => s.GetProperty("kind").GetString() == "hub" && s.GetProperty("tokenId").GetString() == id
            && s.GetProperty("areaId").GetString() == Street && s.GetProperty("name").GetString() == "大屏-将撤销");
        Assert.False(wall.Closed.IsCompleted);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/tokens/{id}")).StatusCode);

        await wall.Closed.WaitAsync(Bound);
        await Eventually.HoldsAsync(async () => !JsonDocument.Parse(await admin.GetStringAsync("/api/admin/sessions")).RootElement.EnumerateArray()
            .Any(s => s.GetProperty("tokenId").ValueKind == JsonValueKind.String && s.GetProperty("tokenId").GetString() == id), "the closed connection to leave the list");
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_hub_connection_closes_when_its_token_expires()
    {
        var directory = Directory.CreateTempSubdirectory("cityscreen-expire-").FullName;
        await using var server = new ServerProcess(directory, "--CityScreen:Auth:AnonymousRead", "false", "--CityScreen:Auth:RevalidationInterval", "00:00:01");
        await server.StartAsync();
        using var admin = Access.Basic(server.BaseAddress, "admin", ServerProcess.AdminPassword);
        var response = await admin.PostAsync("/api/admin/tokens", new StringContent(
            JsonSerializer.Serialize(new { role = "wall", areaId = Street, name = "大屏-短时", expiresAt = DateTimeOffset.UtcNow + Lifetime }), Encoding.UTF8, "application/json"));
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        await using var wall = new HubClient(server.BaseAddress, token);
        await wall.StartAsync();

        await wall.Closed.WaitAsync(Bound + Lifetime);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Removing_an_account_with_the_cli_closes_the_hub_connection_it_opened_with_its_password()
    {
        var directory = Directory.CreateTempSubdirectory("cityscreen-remove-").FullName;
        await using var server = new ServerProcess(directory, "--CityScreen:Auth:AnonymousRead", "false", "--CityScreen:Auth:RevalidationInterval", "00:00:01");
        await server.StartAsync();
        string[] store = ["--CityScreen:Storage:SqlitePath", Path.Combine(directory, "events.db")];
        Assert.Equal(0, await UsersCommand.RunAsync(["add", "zhao", "--role", "leader", "--area", Street, "--password", "zhao-long-password", .. store]));
        await using var leader = new HubClient(server.BaseAddress, authorization: "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("zhao:zhao-long-password")));
        await leader.StartAsync();
        await leader.SubscribeAsync(Street);

        Assert.Equal(0, await UsersCommand.RunAsync(["remove", "zhao", .. store]));

        await leader.Closed.WaitAsync(Bound);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Changing_a_password_with_the_cli_ends_the_sessions_signed_in_with_the_old_one()
    {
        await using var host = new ServerHost();
        await host.StartAsync("--CityScreen:Auth:AnonymousRead", "false");
        string[] store = ["--CityScreen:Storage:SqlitePath", Path.Combine(host.DataDirectory, "events.db")];
        Assert.Equal(0, await UsersCommand.RunAsync(["add", "qian", "--role", "operator", "--password", "qian-long-password", .. store]));
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        var form = await (await browser.GetAsync("/login")).Content.ReadAsStringAsync();
        var field = System.Text.RegularExpressions.Regex.Match(form, "name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]+)\"");
        var signIn = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field.Groups[1].Value] = WebUtility.HtmlDecode(field.Groups[2].Value), ["name"] = "qian", ["password"] = "qian-long-password",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/areas")).StatusCode);

        Assert.Equal(0, await UsersCommand.RunAsync(["passwd", "qian", "--password", "qian-new-long-password", .. store]));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/areas")).StatusCode);
    }
}
