using System.Net;
using System.Text.Json.Nodes;
using CityScreen.IngestClient.Example;

namespace CityScreen.Server.Tests;

/// <summary>
/// The example client for upstream systems against a real host whose rate limit it must exceed:
/// it waits out the 429s as Retry-After says, every event arrives once, and a resend of everything
/// counts nothing twice.
/// </summary>
public sealed class IngestClientFacts : IAsyncLifetime
{
    private readonly ServerHost _host = new();

    public Task InitializeAsync() => _host.StartAsync(
        "--CityScreen:Ingest:RateLimit:RequestsPerSecond", "2",
        "--CityScreen:Ingest:RateLimit:Burst", "2");

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task The_example_client_batches_waits_out_429s_and_resends_safely_by_id()
    {
        var events = Enumerable.Range(1, 60).Select(i => JsonNode.Parse(Payloads.Checkin($"client-{i}"))!.AsObject()).ToList();
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };
        var client = new IngestClient.Example.IngestClient(http, ServerHost.ApiKey, new IngestClientOptions { BatchSize = 10 });

        var first = await client.SendAsync(events);

        Assert.Equal(new IngestTotals(Batches: 6, Accepted: 60, Duplicates: 0, Retries: first.Retries), first);
        Assert.True(first.Retries > 0, "six requests at once against a limit of 2 per second should have met 429s");
        Assert.Equal(60, await _host.StoredEventsAsync());

        // Everything again, as after a lost answer: stored ids come back as duplicates.
        var again = await client.SendAsync(events);
        Assert.Equal(0, again.Accepted);
        Assert.Equal(60, again.Duplicates);
        Assert.Equal(60, await _host.StoredEventsAsync());
    }

    [Fact]
    public async Task An_invalid_batch_is_reported_and_not_retried()
    {
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };
        var client = new IngestClient.Example.IngestClient(http, ServerHost.ApiKey);
        var bad = JsonNode.Parse(Payloads.Checkin("client-bad", grid: "999999"))!.AsObject();

        var refused = await Assert.ThrowsAsync<IngestRefusedException>(() => client.SendAsync([bad]));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("[0].gridId", refused.Problem, StringComparison.Ordinal);
    }
}
