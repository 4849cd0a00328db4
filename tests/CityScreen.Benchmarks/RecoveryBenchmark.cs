using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Domain.Ingest;
using CityScreen.Simulator;
using CityScreen.Storage;
using CityScreen.Storage.Events;
using Microsoft.Data.Sqlite;

namespace CityScreen.Benchmarks;

/// <summary>
/// Bounded recovery (issue 5): fills an embedded store with N simulated events of the demo city,
/// then measures what a restart costs — reading the events back (the ingest parser against the
/// replay's reader, in the same process on the same rows) and the time from starting the built
/// server on that store to /healthz ready.
///
///   dotnet run -c Release --project tests/CityScreen.Benchmarks -- recovery [--events 1000000] [--quick]
/// </summary>
public static class RecoveryBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var events = IntOption(args, "--events", quick ? 20_000 : 1_000_000);
        var root = RepositoryRoot();
        var directory = Directory.CreateTempSubdirectory("cityscreen-recovery-").FullName;
        try
        {
            var path = Path.Combine(directory, "events.db");
            var stored = await FillAsync(root, path, events);
            var (parserSeconds, readerSeconds, rows) = CompareDecoders(path);
            var (readySeconds, peakKb) = await RestartAsync(root, directory, path);

            Console.WriteLine($"recovery: {stored:N0} events in the store");
            Console.WriteLine($"  decode {rows:N0} stored rows: ingest parser {parserSeconds:F2} s, replay reader {readerSeconds:F2} s (ratio {parserSeconds / readerSeconds:F1}×)");
            Console.WriteLine($"  restart to /healthz ready: {readySeconds:F1} s, peak RSS {peakKb / 1024:N0} MiB");
            return stored > 0 && readySeconds > 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The demo city's 48 hours at the rate that gives about <paramref name="target"/> events, appended in batches by 8 writers.</summary>
    private static async Task<long> FillAsync(string root, string path, int target)
    {
        var tree = AreaTreeLoader.Load(
            [new AreaFileOptions { Path = "seed-data/areas/baota-district.geojson" }, new AreaFileOptions { Path = "seed-data/areas/baota-generated.geojson" }],
            root, new Dictionary<string, string> { ["610600"] = "延安市" });
        var grids = tree.AtLevel(AreaLevel.Grid).Select(g => new SimulatedArea(
            g.Id, g.ParentId!, g.Center.Lon, g.Center.Lat, g.Profile.Households, g.Profile.MembersExpected)).ToList();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var now = DateTimeOffset.UtcNow;
        var simulator = new CitySimulator(grids, new SimulatorOptions { Seed = 5, EventsPerSecond = target / (48 * 3600.0), FollowTimeOfDay = false }, zone);
        simulator.Start(now.AddHours(-48));
        var all = simulator.Advance(now);

        await using var store = new EventStore(CityScreenDatabase.Sqlite(path));
        await store.InitializeAsync();
        var batches = all.Chunk(1_000).ToList();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Count)
                await store.AppendAsync(batches[i]);
        }));
        return await store.CountAsync();
    }

    /// <summary>Every stored row decoded twice: as the ingest path parses a request, and as the replay reads it.</summary>
    private static (double Parser, double Reader, int Rows) CompareDecoders(string path)
    {
        var rows = new List<(long Seq, string Body)>();
        using (var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT seq, body FROM events ORDER BY seq";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        var parser = Stopwatch.StartNew();
        var check = 0L;
        foreach (var (seq, body) in rows)
        {
            using var doc = JsonDocument.Parse(body);
            var parsed = EventParser.Parse(doc.RootElement, new ValidationErrors());
            check += parsed[0]!.OccurredAt.Ticks & 1;
        }
        parser.Stop();
        var replay = Stopwatch.StartNew();
        foreach (var (seq, body) in rows)
            check -= StoredEventReader.Read(seq, body).OccurredAt.Ticks & 1;
        replay.Stop();
        if (check != 0) throw new InvalidOperationException("the two decoders disagree");
        return (parser.Elapsed.TotalSeconds, replay.Elapsed.TotalSeconds, rows.Count);
    }

    /// <summary>Starts the built server on the store (simulator off) and waits for /healthz to answer ready.</summary>
    private static async Task<(double Seconds, long PeakKb)> RestartAsync(string root, string directory, string path)
    {
        var server = Path.Combine(root, "src", "CityScreen.Server", "bin", BuildConfiguration(), "net10.0");
        if (!File.Exists(Path.Combine(server, "CityScreen.Server.dll")))
            throw new InvalidOperationException($"build the server first: {server} has no CityScreen.Server.dll");
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = server, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[]
        {
            Path.Combine(server, "CityScreen.Server.dll"), "--contentRoot", server, "--urls", $"http://127.0.0.1:{port}",
            "--CityScreen:Storage:SqlitePath", path, "--CityScreen:Simulator:Enabled", "false",
            "--CityScreen:Cluster:SiloPort", FreePort.Next().ToString(), "--CityScreen:Cluster:GatewayPort", FreePort.Next().ToString(),
            "--CityScreen:Jobs:SimulatedHistoryDays", "0", "--Logging:LogLevel:Default", "Warning",
        }) start.ArgumentList.Add(a);

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        // The server's last words, for when it stops instead of becoming ready.
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Keep(string? line)
        {
            if (line is null) return;
            log.Enqueue(line);
            while (log.Count > 40) log.TryDequeue(out _);
        }
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            while (clock.Elapsed < TimeSpan.FromMinutes(10))
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"the server exited with {process.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, log)}");
                try
                {
                    if ((await http.GetAsync($"http://127.0.0.1:{port}/healthz")).StatusCode == HttpStatusCode.OK)
                        return (clock.Elapsed.TotalSeconds, PeakRssKb(process.Id));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Still starting.
                }
                await Task.Delay(100);
            }
            throw new TimeoutException("the server was not ready within 10 minutes");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private static long PeakRssKb(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])).FirstOrDefault();

    private static string BuildConfiguration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "CityScreen.sln"))) return d.FullName;
        throw new InvalidOperationException("run from inside the repository (CityScreen.sln not found above the build output)");
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
    }
}
