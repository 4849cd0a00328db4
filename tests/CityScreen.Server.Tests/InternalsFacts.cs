using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace CityScreen.Server.Tests;

/// <summary>The health endpoints and the Orleans dashboard on the shared running host.</summary>
[Collection("host")]
public class InternalsFacts(HostFixture fixture)
{
    private ServerHost Host => fixture.Host;

    [Fact]
    public async Task Live_and_ready_answer_apart_and_ready_names_each_check()
    {
        using var http = new HttpClient { BaseAddress = Host.BaseAddress };

        var live = await http.GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        var ready = await http.GetAsync("/healthz/ready");
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(ready.StatusCode == HttpStatusCode.OK, body.ToString());
        var checks = body.GetProperty("checks");
        foreach (var name in new[] { "ready", "store", "silo", "areas" })
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
        // SQLite in this host: no PostgreSQL to check.
        Assert.False(checks.TryGetProperty("postgres", out _));

        // /healthz keeps its answer.
        Assert.Equal("ready", (await http.GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_orleans_dashboard_answers_admins_only()
    {
        // "/orleans" only redirects to "/orleans/", and HttpClient drops credentials on a redirect: ask for the page itself.
        using var anonymous = new HttpClient { BaseAddress = Host.BaseAddress };
        Assert.Contains((await anonymous.GetAsync("/orleans/")).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });

        using var admin = Host.AdminClient();
        var (_, token) = await Access.IssueTokenAsync(admin, "operator", null, "orleans-operator");
        using var operatorClient = Access.Bearer(Host.BaseAddress, token);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/orleans/")).StatusCode);

        var page = await admin.GetAsync("/orleans/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
