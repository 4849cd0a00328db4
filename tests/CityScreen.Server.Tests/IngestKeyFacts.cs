using System.Net;
using CityScreen.Server.Apis;
using CityScreen.Server.Security;
using CityScreen.Storage.Security;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Tests;

/// <summary>Random <c>X-Api-Key</c> values cost neither a store lookup each nor a rate bucket of their own.</summary>
public class IngestKeyFacts
{
    [Fact]
    public async Task An_unknown_key_is_looked_up_once_and_earns_no_bucket_of_its_own()
    {
        var store = new CountingKeys(new IngestKey("k1", "hotline-12345", ["610602"], Secrets.Sha256("csk_good"), DateTimeOffset.UtcNow, null));
        using var keys = new IngestKeys(store, new FixedOptions(new IngestOptions { ApiKeys = ["configured-key"] }));

        Assert.Null(await keys.ResolveAsync("csk_random", CancellationToken.None));
        Assert.Null(await keys.ResolveAsync("csk_random", CancellationToken.None));
        Assert.Equal(1, store.Lookups);
        Assert.False(keys.IsKnown("csk_random", out _));

        Assert.False(keys.IsKnown("csk_good", out _));
        Assert.NotNull(await keys.ResolveAsync("csk_good", CancellationToken.None));
        Assert.True(keys.IsKnown("csk_good", out _));
        Assert.True(keys.IsKnown("configured-key", out _));
    }

    [Fact]
    public async Task Random_keys_from_one_client_share_its_bucket_and_get_429()
    {
        await using var host = new ServerHost();
        await host.StartAsync("--CityScreen:Ingest:RateLimit:RequestsPerSecond", "1", "--CityScreen:Ingest:RateLimit:Burst", "3");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = Payloads.Json("[]") };
            request.Headers.Add("X-Api-Key", "csk_guess_" + Guid.NewGuid().ToString("N"));
            answers.Add((await http.SendAsync(request)).StatusCode);
        }

        Assert.Contains(HttpStatusCode.Unauthorized, answers);
        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
    }

    private sealed class FixedOptions(IngestOptions value) : IOptionsMonitor<IngestOptions>
    {
        public IngestOptions CurrentValue => value;
        public IngestOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<IngestOptions, string?> listener) => null;
    }

    private sealed class CountingKeys(IngestKey key) : IIngestKeyStore
    {
        public int Lookups { get; private set; }

        public Task<IngestKey?> FindIngestKeyBySecretHashAsync(string secretHash, CancellationToken cancellationToken = default)
        {
            Lookups++;
            return Task.FromResult(secretHash == key.SecretHash ? key : null);
        }

        public Task AddIngestKeyAsync(IngestKey key, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<IngestKey>> ListIngestKeysAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<bool> RevokeIngestKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
