using System.Diagnostics;
using System.Net;
using System.Text;
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
/// Bounded recovery (issues 5 and 18): fills an embedded store with N simulated events of the demo
/// city at a fixed daily rate (so more events are a longer history, as in a city that runs for
/// years), starts the built server once so that every leaf checkpoints, kills it, and measures the
/// restart that counts: from starting the server on that store to /healthz ready, and its peak RSS.
/// It also compares the ingest parser with the replay's reader on the first stored rows.
///
///   dotnet run -c Release --project tests/CityScreen.Benchmarks -- recovery [--events 1000000] [--per-day 20000] [--quick]
/// </summary>
public static class RecoveryBenchmark
{
    /// <summary>Rows the decoders compare: enough for a stable ratio, never the whole store in memory.</summary>
    private const int DecodedRows = 200_000;

    /// <summary>
    /// How long a start may take: the first start on millions of events without a checkpoint streams
    /// them all once, which took over 10 minutes for 5 M on the loaded shared machine.
    /// </summary>
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromMinutes(45);

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var events = IntOption(args, "--events", quick ? 20_000 : 1_000_000);
        var perDay = IntOption(args, "--per-day", quick ? 10_000 : 20_000);
        var root = RepositoryRoot();
        var directory = Directory.CreateTempSubdirectory("cityscreen-recovery-").FullName;
        try
        {
            var path = Path.Combine(directory, "events.db");
            var fill = Stopwatch.StartNew();
            var (stored, days, leaves) = await FillAsync(root, path, events, perDay);
            fill.Stop();
            Console.WriteLine($"recovery: {stored:N0} events over {days:N0} days ({perDay:N0} a day) stored in {fill.Elapsed.TotalSeconds:F0} s");
            var (parserSeconds, readerSeconds, rows) = CompareDecoders(path);
            Console.WriteLine($"  decode {rows:N0} stored rows: ingest parser {parserSeconds:F2} s, replay reader {readerSeconds:F2} s (ratio {parserSeconds / readerSeconds:F1}×)");

            // The first start has no checkpoint: it streams the whole history, then every leaf checkpoints.
            var (firstSeconds, firstPeakKb) = await StartAsync(root, path, async () => await WaitForCheckpointsAsync(path, leaves),
                "--CityScreen:Grains:CheckpointInterval", "00:00:05", "--CityScreen:Grains:LateArrival", "00:00:01");
            Console.WriteLine($"  first start (no checkpoint, whole history): ready {firstSeconds:F1} s, peak RSS {firstPeakKb / 1024:N0} MiB; {leaves:N0} leaves checkpointed");

            var (readySeconds, peakKb) = await StartAsync(root, path, () => Task.CompletedTask);
            Console.WriteLine($"  restart to /healthz ready: {readySeconds:F1} s, peak RSS {peakKb / 1024:N0} MiB");
            return stored > 0 && readySeconds > 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// The demo city's last <c>target / perDay</c> days, simulated a day at a time and written
    /// straight into the events table (one prepared insert, large transactions): the ingest path
    /// would take longer than the measurement. Returns the events stored, the days and the leaves with events.
    /// </summary>
    private static async Task<(long Stored, int Days, int Leaves)> FillAsync(string root, string path, int target, int perDay)
    {
        var tree = AreaTreeLoader.Load(
            [new AreaFileOptions { Path = "seed-data/areas/baota-district.geojson" }, new AreaFileOptions { Path = "seed-data/areas/baota-generated.geojson" }],
            root, new Dictionary<string, string> { ["610600"] = "延安市" });
        var grids = tree.AtLevel(AreaLevel.Grid).Select(g => new SimulatedArea(
            g.Id, g.ParentId!, g.Center.Lon, g.Center.Lat, g.Profile.Households, g.Profile.MembersExpected)).ToList();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var days = Math.Max(1, (int)Math.Ceiling(target / (double)perDay));
        var now = DateTimeOffset.UtcNow;
        var simulator = new CitySimulator(grids, new SimulatorOptions { Seed = 5, EventsPerSecond = perDay / 86_400.0, FollowTimeOfDay = false }, zone);
        simulator.Start(now.AddDays(-days));

        // The store makes the schema; the rows go in beside it.
        await using (var store = new EventStore(CityScreenDatabase.Sqlite(path))) await store.InitializeAsync();
        using var c = new SqliteConnection($"Data Source={path}");
        c.Open();
        using (var pragma = c.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;";
            pragma.ExecuteNonQuery();
        }
        using var insert = c.CreateCommand();
        insert.CommandText = "INSERT INTO events (source, id, type, area_id, case_id, occurred_at, received_at, body) VALUES ($s, $i, $t, $a, $c, $o, $o, $b)";
        var p = new[] { "$s", "$i", "$t", "$a", "$c", "$o", "$b" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        using var bind = c.CreateCommand();
        bind.CommandText = "INSERT OR IGNORE INTO case_areas (case_id, area_id) VALUES ($c, $a)";
        var bc = bind.Parameters.Add(new SqliteParameter { ParameterName = "$c" });
        var ba = bind.Parameters.Add(new SqliteParameter { ParameterName = "$a" });

        var stored = 0L;
        var leaves = new HashSet<string>(StringComparer.Ordinal);
        for (var day = days - 1; day >= 0 && stored < target; day--)
        {
            using var tx = c.BeginTransaction();
            insert.Transaction = tx;
            bind.Transaction = tx;
            foreach (var e in simulator.Advance(now.AddDays(-day)))
            {
                if (stored >= target) break;
                p[0].Value = e.Source ?? "";
                p[1].Value = e.Id;
                p[2].Value = e.Type;
                p[3].Value = e.AreaId;
                p[4].Value = (object?)e.CaseId ?? DBNull.Value;
                p[5].Value = e.OccurredAt.ToUnixTimeMilliseconds();
                p[6].Value = Encoding.UTF8.GetString(CityEventJson.SerializeToUtf8(e));
                insert.ExecuteNonQuery();
                if (e.Type == EventTypes.CaseReported)
                {
                    bc.Value = e.CaseId;
                    ba.Value = e.AreaId;
                    bind.ExecuteNonQuery();
                }
                leaves.Add(e.AreaId);
                stored++;
            }
            tx.Commit();
        }
        return (stored, days, leaves.Count);
    }

    /// <summary>Waits until every leaf with events has saved a checkpoint.</summary>
    private static async Task WaitForCheckpointsAsync(string path, int leaves)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            using (var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
            {
                c.Open();
                using var cmd = c.CreateCommand();
                cmd.CommandText = "SELECT count(*) FROM grid_checkpoints";
                if ((long)cmd.ExecuteScalar()! >= leaves) return;
            }
            await Task.Delay(1_000);
        }
        throw new TimeoutException($"the {leaves} leaves did not all checkpoint within 10 minutes");
    }

    /// <summary>Every stored row decoded twice: as the ingest path parses a request, and as the replay reads it.</summary>
    private static (double Parser, double Reader, int Rows) CompareDecoders(string path)
    {
        var rows = new List<(long Seq, string Body)>();
        using (var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT seq, body FROM events ORDER BY seq LIMIT {DecodedRows}";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        var parser = Stopwatch.StartNew();
        var check = 0L;
        // The ingest parser refuses events older than it accepts from a source; the history's oldest are.
        var accepted = new bool[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            using var doc = JsonDocument.Parse(rows[i].Body);
            var parsed = EventParser.Parse(doc.RootElement, new ValidationErrors());
            if (parsed.Count > 0 && parsed[0] is { } e)
            {
                accepted[i] = true;
                check += e.OccurredAt.Ticks & 1;
            }
        }
        parser.Stop();
        var replay = Stopwatch.StartNew();
        for (var i = 0; i < rows.Count; i++)
        {
            var e = StoredEventReader.Read(rows[i].Seq, rows[i].Body);
            if (accepted[i]) check -= e.OccurredAt.Ticks & 1;
        }
        replay.Stop();
        if (check != 0) throw new InvalidOperationException("the two decoders disagree");
        return (parser.Elapsed.TotalSeconds, replay.Elapsed.TotalSeconds, rows.Count);
    }

    /// <summary>
    /// Starts the built server on the store (simulator off), waits for /healthz to answer ready,
    /// runs <paramref name="thenAsync"/> and kills it (as an upgrade's stop or a crash would).
    /// </summary>
    private static async Task<(double Seconds, long PeakKb)> StartAsync(string root, string path, Func<Task> thenAsync, params string[] extra)
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
        }.Concat(extra)) start.ArgumentList.Add(a);

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
            while (clock.Elapsed < ReadyLimit)
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"the server exited with {process.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, log)}");
                try
                {
                    if ((await http.GetAsync($"http://127.0.0.1:{port}/healthz")).StatusCode == HttpStatusCode.OK)
                    {
                        var ready = (clock.Elapsed.TotalSeconds, PeakRssKb(process.Id));
                        await thenAsync();
                        return ready;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Still starting.
                }
                await Task.Delay(100);
            }
            throw new TimeoutException($"the server was not ready within {ReadyLimit.TotalMinutes} minutes");
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
