using System.Net;
using System.Text.Json;
using CityScreen.Server.Security;
using CityScreen.Storage.Security;
using Microsoft.Extensions.DependencyInjection;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>Local accounts from the CLI, the generated admin password, sign-in limits, and anonymous reading bound to an area.</summary>
public class AccountsFacts
{
    [Fact]
    public async Task An_account_added_with_the_cli_signs_in_and_sees_its_area_only()
    {
        await using var host = new ServerHost();
        await host.StartAsync("--CityScreen:Auth:AnonymousRead", "false");
        string[] store = ["--CityScreen:Storage:SqlitePath", Path.Combine(host.DataDirectory, "events.db")];

        var refused = await UsersCommand.RunAsync(["add", "wang", "--role", "leader", "--password", "pw-refused", .. store]);
        var unknownArea = await UsersCommand.RunAsync(["add", "wang", "--role", "leader", "--area", "999", "--password", "pw-refused", .. store]);
        var added = await UsersCommand.RunAsync(["add", "wang", "--role", "leader", "--area", Street, "--password", "pw-wang-12345", .. store]);

        Assert.Equal(2, refused);
        Assert.Equal(2, unknownArea);
        Assert.Equal(0, added);
        var account = await host.Services.GetRequiredService<IAccountStore>().FindAccountAsync("wang");
        Assert.StartsWith("pbkdf2-sha512$", account!.PasswordHash);
        Assert.DoesNotContain("pw-wang-12345", account.PasswordHash);
        using var wang = Access.Basic(host.BaseAddress, "wang", "pw-wang-12345");
        var ids = JsonDocument.Parse(await wang.GetStringAsync("/api/areas")).RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
        Assert.All(ids, id => Assert.StartsWith(Street, id));
        Assert.Equal(HttpStatusCode.Forbidden, (await wang.GetAsync("/api/admin/audit")).StatusCode);
        using var wrong = Access.Basic(host.BaseAddress, "wang", "pw-wang-12346");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/areas")).StatusCode);
    }

    [Fact]
    public async Task Without_a_preset_the_admin_password_is_generated_and_only_its_hash_is_kept()
    {
        await using var host = new ServerHost();
        await host.StartAsync("--CityScreen:Auth:Admin:Password", "");

        var admin = await host.Services.GetRequiredService<IAccountStore>().FindAccountAsync("admin");
        var audit = await host.Services.GetRequiredService<IAuditLog>().ReadAuditAsync(10);

        Assert.Equal("admin", admin!.Role);
        Assert.StartsWith("pbkdf2-sha512$", admin.PasswordHash);
        Assert.Contains(audit, e => e.Action == "admin.password.generated");
        using var guess = Access.Basic(host.BaseAddress, "admin", ServerHost.AdminPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guess.GetAsync("/api/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_reading_bound_to_an_area_shows_that_area_and_never_the_internals()
    {
        await using var host = new ServerHost();
        await host.StartAsync("--CityScreen:Auth:AnonymousRead", Street);
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };

        var street = await anonymous.GetAsync($"/api/areas/{Street}");
        var sibling = await anonymous.GetAsync("/api/areas/610602002");
        var tokens = await anonymous.GetAsync("/api/admin/tokens");
        var dashboard = await anonymous.GetAsync("/hangfire");
        var recompute = await anonymous.PostAsync("/api/admin/indices/recompute?from=2026-01-01&to=2026-01-01", null);

        Assert.Equal(HttpStatusCode.OK, street.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sibling.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tokens.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, recompute.StatusCode);
    }

    [Fact]
    public async Task Password_guessing_at_the_sign_in_form_is_limited_per_address()
    {
        await using var host = new ServerHost();
        await host.StartAsync("--CityScreen:Auth:SignInAttemptsPerMinute", "3");
        using var guesser = new HttpClient { BaseAddress = host.BaseAddress };

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
            answers.Add(await guesser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "admin", ["password"] = $"guess-{i}" })));

        Assert.All(answers.Take(3), a => Assert.NotEqual(HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.All(answers.Skip(3), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.NotNull(answers[^1].Headers.RetryAfter);
    }
}
