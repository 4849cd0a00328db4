using System.Net;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>
/// What one principal may cost by reading: API reads per second, hub connections, subscriptions
/// per connection (<c>CityScreen:Limits</c>), on a host with small limits.
/// </summary>
public sealed class ReadLimitFacts : IAsyncLifetime
{
    private readonly ServerHost _host = new();

    public Task InitializeAsync() => _host.StartAsync(
        "--CityScreen:Limits:ReadsPerSecond", "1",
        "--CityScreen:Limits:ReadBurst", "5",
        "--CityScreen:Limits:HubConnectionsPerPrincipal", "2",
        "--CityScreen:Limits:HubSubscriptionsPerConnection", "2");

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task Reads_beyond_the_burst_get_429_with_retry_after_and_another_identity_is_not_slowed()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.BaseAddress };
        using var admin = _host.AdminClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++) answers.Add(await anonymous.GetAsync($"/api/areas/{Street}"));

        Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.OK);
        var refused = answers.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/areas/{Street}")).StatusCode);
    }

    [Fact]
    public async Task A_principal_holds_at_most_its_connections_and_each_at_most_its_subscriptions()
    {
        await using var first = new HubClient(_host.BaseAddress);
        await using var second = new HubClient(_host.BaseAddress);
        await using var third = new HubClient(_host.BaseAddress);
        await first.StartAsync();
        await second.StartAsync();

        await first.SubscribeAsync(Street);
        await first.SubscribeAsync(Community);
        var tooMany = await Assert.ThrowsAnyAsync<Exception>(() => first.SubscribeAsync(Grid));
        Assert.Contains("at most 2 areas", tooMany.Message);
        await second.SubscribeAsync(Grid);

        // The third connection of the same (anonymous, same address) principal is closed at once.
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await third.StartAsync();
            await third.SubscribeAsync(Street);
        });
    }
}
