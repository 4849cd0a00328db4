using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CityScreen.Areas;
using CityScreen.Storage;
using CityScreen.Storage.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CityScreen.Benchmarks;

/// <summary>
/// Durable ingest throughput: several writers POST batches of simulator events as fast as the host
/// answers; a batch counts only when its 202 says every event was accepted, which the host sends
/// after the SQLite commit (WAL, synchronous=FULL). Events/s is the accepted events over the wall
/// time of the run. A 503 (store busy) is retried after a pause and counted. Embedded SQLite
/// first, then the PostgreSQL store on a server of its own.
/// </summary>
public static class IngestThroughput
{
    public static async Task RunAsync(BenchmarkOptions o, Figures figures)
    {
        await MeasureAsync(o, figures, "ingest, embedded SQLite", storeAlone: true, postgres: null);
        await using var postgres = await PostgresServer.StartAsync();
        await MeasureAsync(o, figures, "ingest, PostgreSQL", storeAlone: false, postgres,
            "--CityScreen:Storage:Provider", "Postgres", "--ConnectionStrings:CityScreen", postgres.ConnectionString);
    }

    private static async Task MeasureAsync(BenchmarkOptions o, Figures figures, string scenario, bool storeAlone, PostgresServer? postgres, params string[] hostArgs)
    {
        var (count, batch, writers) = o.Quick ? (2_000, 100, 4) : (200_000, 500, 8);
        await using var host = new BenchmarkHost();
        await host.StartAsync(hostArgs);
        var tree = host.Services.GetRequiredService<AreaTree>();
        var events = EventStream.Make(tree, count, DateTimeOffset.UtcNow.AddHours(-1), TimeSpan.FromMinutes(50), seed: 11);
        var bodies = events.Chunk(batch).Select(EventStream.Body).ToArray();

        using var http = host.Client();
        var next = -1;
        var accepted = 0L;
        var busy = 0;
        var latencies = new List<double>();
        var cpu = ProcessMeter.OwnCpu();
        var serverCpu = postgres?.Cpu() ?? TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Length)
            {
                while (true)
                {
                    var sent = Stopwatch.GetTimestamp();
                    using var content = new ByteArrayContent(bodies[i]);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var response = await http.PostAsync("/api/events", content);
                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        Interlocked.Increment(ref busy);
                        await Task.Delay(100);
                        continue;
                    }
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.Accepted)
                        throw new InvalidOperationException($"batch {i} answered {(int)response.StatusCode}: {text}");
                    var n = JsonDocument.Parse(text).RootElement.GetProperty("accepted").GetInt32();
                    Interlocked.Add(ref accepted, n);
                    lock (latencies) latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    break;
                }
            }
        })));
        var elapsed = watch.Elapsed;
        var cpuUsed = ProcessMeter.OwnCpu() - cpu;
        var serverCpuUsed = (postgres?.Cpu() ?? TimeSpan.Zero) - serverCpu;
        if (accepted != count) throw new InvalidOperationException($"{accepted} of {count} events accepted");

        figures.Add(scenario, $"durable events/s ({count:N0} events, batches of {batch}, {writers} writers)", accepted / elapsed.TotalSeconds, "events/s");
        figures.Add(scenario, "POST → 202 per batch, p50", Figures.Percentile(latencies, 50), "ms");
        figures.Add(scenario, "POST → 202 per batch, p99", Figures.Percentile(latencies, 99), "ms");
        figures.Add(scenario, "CPU per 1,000 events (host and writers, one process)", cpuUsed.TotalMilliseconds / (count / 1000.0), "ms");
        if (postgres is not null)
            figures.Add(scenario, "CPU per 1,000 events, the PostgreSQL server (its processes on the same machine)", serverCpuUsed.TotalMilliseconds / (count / 1000.0), "ms");
        figures.Add(scenario, "503 store-busy answers retried", busy, "");
        if (!storeAlone) return;

        // The store alone, same batches and writers, no HTTP, validation or grains: what is left
        // of the gap to it is the API's and the grains' share.
        var alone = Path.Combine(host.DataDirectory, "store-alone.db");
        var store = new EventStore(CityScreenDatabase.Sqlite(alone));
        await store.InitializeAsync();
        var chunks = events.Chunk(batch).ToArray();
        next = -1;
        cpu = ProcessMeter.OwnCpu();
        watch.Restart();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < chunks.Length) await store.AppendAsync(chunks[i]);
        })));
        figures.Add(scenario, "durable events/s, the SQLite store alone (same batches and writers)", count / watch.Elapsed.TotalSeconds, "events/s");
        // CPU is the steadier figure on a shared machine: the wall time moves with the neighbours' load.
        figures.Add(scenario, "CPU per 1,000 events, the SQLite store alone", (ProcessMeter.OwnCpu() - cpu).TotalMilliseconds / (count / 1000.0), "ms");
        await store.DisposeAsync();
    }
}
