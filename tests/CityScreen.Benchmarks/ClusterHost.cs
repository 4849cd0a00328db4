using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CityScreen.Benchmarks;

/// <summary>
/// One host of a cluster as its own process (the built CityScreen.Server.dll) configured as
/// docs/operations.md tells an operator for cluster mode: events, membership and Hangfire in one
/// PostgreSQL database, the same cluster id, its own HTTP and silo ports on loopback. Its own
/// process so that it can be killed the hard way (SIGKILL) and its memory read from outside.
/// </summary>
public sealed class ClusterHost : IDisposable
{
    public const string ApiKey = "bench-key";

    private readonly string[] _args;
    private readonly ConcurrentQueue<string> _lastLines = new();
    /// <summary>Everything the host writes (warnings and errors at the run's log level), kept for after the run.</summary>
    private readonly StreamWriter _log;
    private Process? _process;

    public ClusterHost(string name, string connectionString, string clusterId, IEnumerable<string> extraArgs)
    {
        Name = name;
        LogPath = Path.Combine(Path.GetTempPath(), $"cityscreen-cluster-{clusterId}-{name}.log");
        _log = new StreamWriter(LogPath) { AutoFlush = true };
        _args =
        [
            "--urls", BaseAddress.ToString(),
            "--CityScreen:Cluster:Provider", "Postgres",
            "--ConnectionStrings:CityScreen", connectionString,
            "--CityScreen:Cluster:ClusterId", clusterId,
            "--CityScreen:Storage:Provider", "Postgres",
            "--CityScreen:Jobs:Storage", "Postgres",
            "--CityScreen:Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CityScreen:Simulator:Enabled", "false",
            "--CityScreen:Jobs:CatchUpAtStart", "false",
            "--CityScreen:Jobs:SimulatedHistoryDays", "0",
            "--CityScreen:TimeZone", "UTC",
            "--CityScreen:Ingest:ApiKeys:0", ApiKey,
            "--CityScreen:Ingest:RateLimit:RequestsPerSecond", "100000",
            "--CityScreen:Ingest:RateLimit:Burst", "100000",
            // Every subscriber and reader comes from 127.0.0.1, one principal to the limits.
            "--CityScreen:Auth:AnonymousRead", "true",
            "--CityScreen:Limits:ReadsPerSecond", "1000000",
            "--CityScreen:Limits:ReadBurst", "1000000",
            "--CityScreen:Limits:HubConnectionsPerPrincipal", "1000000",
            "--Logging:LogLevel:Default", "Warning",
            .. extraArgs,
        ];
    }

    public string Name { get; }

    /// <summary>Where the host's output goes, in the temporary directory; a run prints it.</summary>
    public string LogPath { get; }

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort.Next()}");

    public bool Running => _process is { HasExited: false };

    public int Pid => _process?.Id ?? throw new InvalidOperationException($"host {Name} is not running");

    /// <summary>Starts the process; <see cref="WaitReadyAsync"/> waits for it to serve.</summary>
    public void Start()
    {
        var server = ServerDirectory();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = server, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(server, "CityScreen.Server.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(server);
        foreach (var a in _args) start.ArgumentList.Add(a);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Waits for /healthz to answer ready (bounded: a host that dies or never serves fails the run).</summary>
    public async Task WaitReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (!Running) throw new InvalidOperationException($"host {Name} exited:{Environment.NewLine}{string.Join(Environment.NewLine, _lastLines)}");
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Still starting.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"host {Name} was not ready within {limit.TotalSeconds:F0} s:{Environment.NewLine}{string.Join(Environment.NewLine, _lastLines)}");
    }

    public HttpClient Client()
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return http;
    }

    /// <summary>Resident memory now, in bytes (0 once it has exited).</summary>
    public long ResidentBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException) { return 0; }
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut of the host.</summary>
    public void Kill()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
        lock (_log) _log.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_log) if (_log.BaseStream is not null) _log.WriteLine(line);
        _lastLines.Enqueue(line);
        while (_lastLines.Count > 40) _lastLines.TryDequeue(out _);
    }

    private static string ServerDirectory()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (!File.Exists(Path.Combine(d.FullName, "CityScreen.sln"))) continue;
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
            var server = Path.Combine(d.FullName, "src", "CityScreen.Server", "bin", configuration, "net10.0");
            return File.Exists(Path.Combine(server, "CityScreen.Server.dll")) ? server
                : throw new InvalidOperationException($"build the server first: {server} has no CityScreen.Server.dll");
        }
        throw new InvalidOperationException("run from inside the repository (CityScreen.sln not found above the build output)");
    }
}
