using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace CityScreen.Benchmarks;

/// <summary>
/// Event → screen latency as a wall sees it: one real SignalR client subscribed to an area (the
/// city by default, the top of the roll-up) while events are posted one at a time to a grid below
/// it. For each event: the time from sending the POST to the <c>indicators</c> message whose
/// EV01 includes it. The baseline, measured in the same run, is the POST's own round trip (the
/// event made durable and answered 202); the ratio says what the roll-up and push add.
/// </summary>
public static class EventToScreenLatency
{
    public static async Task<int> RunAsync(BenchmarkOptions o)
    {
        var updates = Channel.CreateUnbounded<(double Ev01, long At)>();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(o.Url, "/hubs/screen")).Build();
        hub.On<JsonElement>("indicators", m =>
        {
            if (m.GetProperty("areaId").GetString() == o.Area)
                updates.Writer.TryWrite((m.GetProperty("values").GetProperty("EV01").GetDouble(), Stopwatch.GetTimestamp()));
        });
        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", o.Area);
        var (seen, _) = await updates.Reader.ReadAsync();

        using var http = new HttpClient { BaseAddress = o.Url };
        http.DefaultRequestHeaders.Add("X-Api-Key", o.ApiKey);
        var screen = new List<double>();
        var post = new List<double>();
        var run = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < o.Count; i++)
        {
            var id = $"bench-{run}-{i}";
            var body = $$"""
                {"id":"{{id}}","type":"case.reported","occurredAt":"{{DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)}}",
                 "gridId":"{{o.Grid}}","source":"benchmark","caseId":"AJ-{{id}}","kind":"event","category":"其他","level":"normal","title":"基准测试"}
                """;
            var sent = Stopwatch.GetTimestamp();
            var response = await http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));
            post.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            // Other traffic (a running simulator) moves EV01 too: wait for a value past ours.
            var target = seen + 1;
            while (true)
            {
                // Bounded: a server that stops pushing ends the run with an error, not a hang.
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                var (ev01, at) = await updates.Reader.ReadAsync(wait.Token);
                seen = Math.Max(seen, ev01);
                if (ev01 >= target)
                {
                    screen.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
                    break;
                }
            }
            await Task.Delay(50);
        }

        Console.WriteLine($"event → screen latency, {o.Count} events to {o.Grid}, watched at {o.Area} ({o.Url})");
        Console.WriteLine($"  POST → 202 (baseline)   p50 {P(post, 50):F1} ms  p95 {P(post, 95):F1} ms  p99 {P(post, 99):F1} ms");
        Console.WriteLine($"  POST → screen           p50 {P(screen, 50):F1} ms  p95 {P(screen, 95):F1} ms  p99 {P(screen, 99):F1} ms  max {screen.Max():F1} ms");
        Console.WriteLine($"  ratio screen / baseline p50 {P(screen, 50) / P(post, 50):F2}  p99 {P(screen, 99) / P(post, 99):F2}");
        return 0;
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
