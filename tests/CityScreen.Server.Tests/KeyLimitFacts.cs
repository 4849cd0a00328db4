using System.Net;
using System.Text.Json;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>Rate limits per ingest key, and stored tokens across a restart, each on a host of its own.</summary>
public class KeyLimitFacts
{
    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_Retry_After_and_another_key_is_not_slowed()
    {
        await using var host = new ServerHost();
        await host.StartAsync("--CityScreen:Ingest:RateLimit:RequestsPerSecond", "1", "--CityScreen:Ingest:RateLimit:Burst", "2");
        using var admin = host.AdminClient();
        var (_, other) = await Access.IssueIngestKeyAsync(admin, "party-cloud", City);
        using var flooding = host.Client();
        using var quiet = new HttpClient { BaseAddress = host.BaseAddress };
        quiet.DefaultRequestHeaders.Add("X-Api-Key", other);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => flooding.PostAsync("/api/events", Json(Checkin($"flood-{i}")))));
        var quietAnswer = await quiet.PostAsync("/api/events", Json(Checkin("quiet-1")));

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After in whole seconds"));
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }));
        Assert.Equal(HttpStatusCode.Accepted, quietAnswer.StatusCode);
    }

    [Fact]
    public async Task A_wall_token_keeps_working_after_a_restart()
    {
        await using var host = new ServerHost();
        await host.StartAsync("--CityScreen:Auth:AnonymousRead", "false");
        string token;
        using (var admin = host.AdminClient())
            (_, token) = await Access.IssueTokenAsync(admin, "wall", Street, "宝塔山街道大屏");
        await host.StopAsync();

        await host.StartAsync("--CityScreen:Auth:AnonymousRead", "false");
        using var wall = Access.Bearer(host.BaseAddress, token);
        var street = await wall.GetAsync($"/api/areas/{Street}");
        var city = await wall.GetAsync($"/api/areas/{City}");

        Assert.Equal(HttpStatusCode.OK, street.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, city.StatusCode);
        Assert.Contains("宝塔山", JsonDocument.Parse(await street.Content.ReadAsStringAsync()).RootElement.GetProperty("name").GetString());
    }
}
