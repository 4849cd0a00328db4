using System.Collections.Concurrent;
using System.Net;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests.Cluster;

/// <summary>
/// Sustained ingest into the hosts of a cluster, keeping score: an event counts as accepted only
/// when its request answered 202; the events of a request that failed or got no answer are kept
/// to send again, since a host may have stored them before it died.
/// </summary>
public sealed class ClusterIngest(IReadOnlyList<string> grids)
{
    private const int BatchSize = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly ConcurrentDictionary<Uri, int> _acceptedBy = new();

    public ConcurrentDictionary<string, bool> Accepted { get; } = new(StringComparer.Ordinal);

    /// <summary>Event id → its body, exactly as first sent, so a resend is the same event.</summary>
    public ConcurrentDictionary<string, string> Unanswered { get; } = new(StringComparer.Ordinal);

    public int AcceptedBy(ServerProcess host) => _acceptedBy.GetValueOrDefault(host.BaseAddress);

    /// <summary>Posts batches to <paramref name="host"/> until stopped, going on through its death and restart.</summary>
    public Task RunAsync(ServerProcess host, string prefix, CancellationToken stop) => Task.Run(async () =>
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerProcess.ApiKey);
        for (var batch = 0; !stop.IsCancellationRequested; batch++)
        {
            var events = Enumerable.Range(0, BatchSize).Select(i => $"{prefix}-{batch}-{i}")
                .Select((id, i) => (Id: id, Body: Reported(id, "AJ-" + id, grids[(batch + i) % grids.Count]))).ToList();
            if (!await PostAsync(http, events))
                await Task.Delay(200, CancellationToken.None);   // the host is down or busy: try it again shortly
            else
                _acceptedBy.AddOrUpdate(host.BaseAddress, BatchSize, (_, n) => n + BatchSize);
        }
    });

    /// <summary>Sends every unanswered event again to <paramref name="host"/> until each is accepted.</summary>
    public async Task ResendUnansweredAsync(ServerProcess host)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerProcess.ApiKey);
        await WaitAsync(async () =>
        {
            foreach (var chunk in Unanswered.ToList().Chunk(BatchSize))
                await PostAsync(http, chunk.Select(e => (e.Key, e.Value)).ToList());
            return Unanswered.IsEmpty;
        }, () => $"{Unanswered.Count} unanswered events accepted when sent again");
    }

    public Task WaitAsync(Func<bool> done, string what) => WaitAsync(() => Task.FromResult(done()), () => what);

    /// <summary>A bounded wait: fails with what it waited for instead of hanging.</summary>
    public static Task WaitAsync(Func<Task<bool>> done, Func<string> what) =>
        Eventually.HoldsAsync(async () => (await done(), what()), Patience, TimeSpan.FromMilliseconds(250));

    private async Task<bool> PostAsync(HttpClient http, IReadOnlyList<(string Id, string Body)> events)
    {
        foreach (var (id, body) in events) Unanswered.TryAdd(id, body);
        try
        {
            var response = await http.PostAsync("/api/events", Json(Batch(events.Select(e => e.Body).ToArray())));
            if (response.StatusCode != HttpStatusCode.Accepted) return false;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
        foreach (var (id, _) in events)
        {
            Accepted.TryAdd(id, true);
            Unanswered.TryRemove(id, out _);
        }
        return true;
    }
}
