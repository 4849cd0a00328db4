using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CityScreen.Benchmarks;

/// <summary>
/// Event → screen latency under load, and fan-out: real SignalR clients (100, then 1,000) all
/// subscribed to the city — the top of the roll-up — while simulator events are POSTed at a fixed
/// rate (100, 1,000, 10,000 events/s). Every client's latency of every 100 ms slice counts.
/// CPU per screen is this process's CPU (host, load and clients together) over the run, per client.
/// </summary>
public static class ScreenLatency
{
    private static int _resent;

    /// <summary>Slices refused with Retry-After and sent again, since the process started.</summary>
    public static int Resent => Volatile.Read(ref _resent);

    public static async Task RunAsync(BenchmarkOptions o, Figures figures)
    {
        int[] rates = o.Quick ? [100] : [100, 1_000, 10_000];
        int[] screens = o.Quick ? [5] : [100, 1_000];
        var duration = TimeSpan.FromSeconds(o.Quick ? 3 : 20);

        await using var host = new BenchmarkHost();
        await host.StartAsync();
        var tree = host.Services.GetRequiredService<AreaTree>();
        using var http = host.Client();
        await using var clients = new HubScreens();
        // A rate the host cannot keep up with fails its own run, not the runs after it: the
        // 1,000-screen figures once went missing because the 10,000 events/s run with 100 screens
        // threw first. The failures are reported together at the end.
        var failures = new List<string>();
        foreach (var count in screens)
        {
            await clients.GrowToAsync(host.BaseAddress, tree.Root.Id, count);
            foreach (var rate in rates)
            {
                var scenario = $"event → screen, {rate:N0} events/s, {count:N0} hub screens";
                try
                {
                    // One seed per row: the ids of two rows sharing one (100 + 1,000 = 1,000 + 100) collided with other content.
                    var events = EventStream.Make(tree, (int)(rate * duration.TotalSeconds), DateTimeOffset.UtcNow.AddSeconds(-5), duration, seed: rate * 100_000 + count);
                    var run = await MeasureAsync(events, rate, http, clients);
                    figures.Add(scenario, "p50", run.P50, "ms");
                    figures.Add(scenario, "p95", run.P95, "ms");
                    figures.Add(scenario, "p99", run.P99, "ms");
                    figures.Add(scenario, "CPU per screen (host + load + clients)", run.CpuPerScreen, "% of a core");
                    figures.Add(scenario, "slices refused (503/429) and resent", run.Resent, "");
                }
                catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException)
                {
                    Console.WriteLine($"| {scenario} | failed | {ex.Message} |");
                    failures.Add($"{scenario}: {ex.Message}");
                }
            }
        }
        if (failures.Count > 0) throw new InvalidOperationException(string.Join("; ", failures));
    }

    public sealed record Result(double P50, double P95, double P99, double CpuPerScreen, int Samples, int Resent = 0);

    /// <summary>One run at a rate: the load sent, every screen caught up (bounded), the latencies of all.</summary>
    public static async Task<Result> MeasureAsync(IReadOnlyList<CityEvent> events, int rate, HttpClient http, HubScreens clients)
    {
        var load = new PacedLoad(events, rate, DateOnly.FromDateTime(DateTime.UtcNow));
        var baseValue = await clients.SettledValueAsync();
        var watchers = clients.Watch(load, baseValue);

        var resent = Resent;
        var cpu = ProcessMeter.OwnCpu();
        var wall = Stopwatch.StartNew();
        await load.SendAsync(slice => PostAsync(http, slice), CancellationToken.None);
        await WaitCaughtUpAsync(watchers.Select(w => (Func<bool>)(() => w.CaughtUp)).ToList());
        var cpuShare = (ProcessMeter.OwnCpu() - cpu).TotalSeconds / wall.Elapsed.TotalSeconds * 100;

        var all = watchers.SelectMany(w => w.Latencies).ToList();
        return new Result(Figures.Percentile(all, 50), Figures.Percentile(all, 95), Figures.Percentile(all, 99), cpuShare / watchers.Count, all.Count, Resent - resent);
    }

    public static async Task WaitCaughtUpAsync(IReadOnlyList<Func<bool>> caughtUp)
    {
        var waited = Stopwatch.StartNew();
        while (!caughtUp.All(c => c()))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
                throw new TimeoutException($"{caughtUp.Count(c => !c())} of {caughtUp.Count} screens had not shown every event 60 s after the load ended");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Posts one slice as an upstream sender should: a 503 or 429 (the host or the key is over
    /// its limit, nothing of the request kept) is resent after its <c>Retry-After</c>, bounded.
    /// </summary>
    public static async Task PostAsync(HttpClient http, CityEvent[] slice)
    {
        var body = EventStream.Body(slice);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("/api/events", content);
            if (response.StatusCode == HttpStatusCode.Accepted) return;
            if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests) || waited.Elapsed > TimeSpan.FromSeconds(60))
                throw new InvalidOperationException($"a slice of {slice.Length} events answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Interlocked.Increment(ref _resent);
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }
}
