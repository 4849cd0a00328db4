using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CityScreen.Contracts.Events;
using CityScreen.Domain.Ingest;
using Microsoft.Data.Sqlite;

namespace CityScreen.Benchmarks;

/// <summary>
/// Bounded recovery (issues 5 and 18): fills an embedded store with N simulated events of the demo
/// city at a fixed daily rate (so more events are a longer history, as in a city that runs for
/// years), starts the built server once so that every leaf checkpoints, kills it, and measures the
/// restart that counts: from starting the server on that store to /healthz ready, and its peak RSS.
/// It fails (exit code 1) when a start is not ready or the restarted city's indicators differ from
/// the full replay's. It also compares the ingest parser with the replay's reader on the first stored rows.
///
///   dotnet run -c Release --project tests/CityScreen.Benchmarks -- recovery [--events 1000000] [--per-day 20000] [--quick]
///
/// <c>--quick</c> (20,000 events, CI) takes well under a minute; the fill and a start that is not
/// ready yet print their progress, for the runs of millions.
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

    /// <summary>How often a start that is not ready yet says so: the first start on 20 M events takes many minutes.</summary>
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(30);

    /// <summary>The demo city, the top of the roll-up, whose indicators the restart must give again.</summary>
    private const string CityId = "610600";

    /// <summary>Up to this many events a run also compares the restart with a full replay (which takes as long as the first start).</summary>
    private const int CompareUpTo = 1_000_000;

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
            var (stored, days, leaves, newest) = await HistoryFill.FillAsync(root, path, events, perDay);
            fill.Stop();
            Console.WriteLine($"recovery: {stored:N0} events over {days:N0} days ({perDay:N0} a day), the newest {DateTimeOffset.UtcNow - newest:hh\\:mm\\:ss} ago, stored in {fill.Elapsed.TotalSeconds:F0} s");
            var (parserSeconds, readerSeconds, rows) = CompareDecoders(path);
            Console.WriteLine($"  decode {rows:N0} stored rows: ingest parser {parserSeconds:F2} s, replay reader {readerSeconds:F2} s (ratio {parserSeconds / readerSeconds:F1}×)");

            // The first start has no checkpoint: it streams the whole history, then every leaf checkpoints.
            var (firstSeconds, firstPeakKb) = await StartAsync(root, path, "first start", _ => WaitForCheckpointsAsync(path, leaves),
                "--CityScreen:Grains:CheckpointInterval", "00:00:05", "--CityScreen:Grains:LateArrival", "00:00:01");
            Console.WriteLine($"  first start (no checkpoint, whole history): ready {firstSeconds:F1} s, peak RSS {firstPeakKb / 1024:N0} MiB; {leaves:N0} leaves checkpointed");

            // The answer the restart must give is a full replay's at the same instant (cases turn
            // yellow and red with the clock): a second server replays a copy without checkpoints beside it.
            var compare = events <= CompareUpTo || args.Contains("--compare");
            var replayPath = Path.Combine(directory, "replay.db");
            if (compare) CopyWithoutCheckpoints(path, replayPath);
            var differences = new List<string>();
            var (readySeconds, peakKb) = await StartAsync(root, path, "restart", async port =>
            {
                if (compare) await StartAsync(root, replayPath, "full replay to compare", async replayPort => differences = await DifferencesAsync(port, replayPort));
            });
            Console.WriteLine($"  restart to /healthz ready: {readySeconds:F1} s, peak RSS {peakKb / 1024:N0} MiB");
            Console.WriteLine(compare
                ? $"  the restarted city's indicators {(differences.Count == 0 ? "equal" : "differ from")} a full replay's"
                : $"  not compared with a full replay (more than {CompareUpTo:N0} events; --compare does)");
            // The restart's cost is the window of days it reads back: a history that ends before today measures nothing.
            if (DateTimeOffset.UtcNow - newest > TimeSpan.FromDays(1)) differences.Add($"the fill's history ends {newest:u}, not within the last day");
            foreach (var d in differences) Console.Error.WriteLine($"FAILED recovery: {d}");
            return differences.Count == 0 ? 0 : 1;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"FAILED recovery: {ex}");
            return 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The city's live indicators, as the API gives them.</summary>
    private static async Task<Dictionary<string, double?>> CityIndicatorsAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var doc = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/api/areas/{CityId}"));
        return doc.RootElement.GetProperty("indicators").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? (double?)null : p.Value.GetDouble());
    }

    /// <summary>
    /// The indicators where the restarted city differs from the full replay's, read at nearly the
    /// same instant, once both have settled (bounded: what still differs after 30 s is a difference).
    /// </summary>
    private static async Task<List<string>> DifferencesAsync(int port, int replayPort)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var (restarted, replayed) = (await CityIndicatorsAsync(port), await CityIndicatorsAsync(replayPort));
            var differences = replayed.Keys.Union(restarted.Keys)
                .Where(k => replayed.GetValueOrDefault(k) != restarted.GetValueOrDefault(k))
                .Select(k => $"the city's {k} is {restarted.GetValueOrDefault(k)?.ToString() ?? "null"} after the restart, {replayed.GetValueOrDefault(k)?.ToString() ?? "null"} after the full replay")
                .ToList();
            if (differences.Count == 0 || waited.Elapsed > TimeSpan.FromSeconds(30)) return differences;
            await Task.Delay(1_000);
        }
    }

    /// <summary>The store as the first start left it, without its checkpoints: a start on it replays the whole history.</summary>
    private static void CopyWithoutCheckpoints(string path, string copy)
    {
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"VACUUM INTO '{copy}'";
            cmd.ExecuteNonQuery();
        }
        using (var c = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "DELETE FROM grid_checkpoints";
            cmd.ExecuteNonQuery();
        }
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
    private static async Task<(double Seconds, long PeakKb)> StartAsync(string root, string path, string label, Func<int, Task> thenAsync, params string[] extra)
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
            // Its own cluster: the full replay runs beside the restart to compare.
            "--CityScreen:Cluster:ClusterId", "recovery-" + Guid.NewGuid().ToString("N"),
            "--CityScreen:Jobs:SimulatedHistoryDays", "0", "--CityScreen:Auth:AnonymousRead", "true", "--Logging:LogLevel:Default", "Warning",
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
            var lastProgress = TimeSpan.Zero;
            while (clock.Elapsed < ReadyLimit)
            {
                if (clock.Elapsed - lastProgress >= ProgressEvery)
                {
                    lastProgress = clock.Elapsed;
                    Console.WriteLine($"  {label}: not ready after {clock.Elapsed.TotalSeconds:F0} s, RSS {RssKb(process.Id, "VmRSS:") / 1024:N0} MiB");
                }
                if (process.HasExited)
                    throw new InvalidOperationException($"the server exited with {process.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, log)}");
                try
                {
                    if ((await http.GetAsync($"http://127.0.0.1:{port}/healthz")).StatusCode == HttpStatusCode.OK)
                    {
                        var ready = (clock.Elapsed.TotalSeconds, RssKb(process.Id, "VmHWM:"));
                        await thenAsync(port);
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

    /// <summary>A memory line of the process's status (VmHWM: its peak RSS, VmRSS: now), in KiB.</summary>
    private static long RssKb(int pid, string key) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith(key, StringComparison.Ordinal))
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
