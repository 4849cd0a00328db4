using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CityScreen.Server.Tests;

/// <summary>
/// The server as its own operating-system process (the built CityScreen.Server.dll), so a test
/// can kill it the hard way (SIGKILL) and start it again on the same data directory.
/// </summary>
public sealed class ServerProcess(string dataDirectory, params string[] extraArgs) : IAsyncDisposable
{
    public const string ApiKey = "test-key";
    public const string AdminPassword = "test-admin-password";

    private Process? _process;
    private readonly Queue<string> _recentOutput = new();

    /// <summary>The server's last lines of output (both streams, across restarts), for a failing fact to show.</summary>
    public string RecentOutput
    {
        get { lock (_recentOutput) return string.Join('\n', _recentOutput); }
    }

    /// <summary>Kept across restarts, as a wall's URL is.</summary>
    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort()}");

    /// <summary>The operating-system process, while it runs.</summary>
    public int? ProcessId => _process?.Id;

    public async Task StartAsync()
    {
        var serverDirectory = ServerDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = serverDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            Path.Combine(serverDirectory, "CityScreen.Server.dll"), "--contentRoot", serverDirectory,
            "--urls", BaseAddress.ToString(),
            "--CityScreen:Storage:SqlitePath", Path.Combine(dataDirectory, "events.db"),
            "--CityScreen:Ingest:ApiKeys:0", ApiKey,
            "--CityScreen:Cluster:SiloPort", FreePort().ToString(),
            "--CityScreen:Cluster:ClusterId", "kill-" + Guid.NewGuid().ToString("N"),
            // The existing facts read as an anonymous demo would; the access facts turn it off.
            "--CityScreen:Auth:AnonymousRead", "true",
            "--CityScreen:Auth:Admin:Password", AdminPassword,
            "--CityScreen:Ingest:RateLimit:RequestsPerSecond", "100000",
            "--CityScreen:Ingest:RateLimit:Burst", "100000",
            // Every test client reads from 127.0.0.1 as one principal; the limit facts set their own.
            "--CityScreen:Limits:ReadsPerSecond", "100000",
            "--CityScreen:Limits:ReadBurst", "100000",
            "--CityScreen:Limits:HubConnectionsPerPrincipal", "10000",
            // Facts that send wrong credentials on purpose share one address and the admin account;
            // the sign-in limit facts set their own limits.
            "--CityScreen:Auth:FailedSignInsPerAccount", "100000",
            "--CityScreen:Auth:FailedSignInsPerClient", "100000",
            "--Logging:LogLevel:Default", "Warning",
            // Later arguments win: extraArgs may turn the simulator on.
            "--CityScreen:Simulator:Enabled", "false",
        }.Concat(extraArgs)) start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.HoldsAsync(async () =>
        {
            if (_process.HasExited) throw new InvalidOperationException($"the server exited with {_process.ExitCode}");
            try
            {
                return (await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;   // not listening yet, or too busy starting to answer within the poll's timeout
            }
        }, "the server to become healthy", TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(200));
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_recentOutput)
        {
            _recentOutput.Enqueue(line);
            while (_recentOutput.Count > 200) _recentOutput.Dequeue();
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a power cut for the process.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    /// <summary>The server's build output beside this test project's (same configuration).</summary>
    internal static string ServerDirectory()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;                     // net10.0
        var configuration = here.Parent!.Name;         // Debug or Release
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CityScreen.sln"))) root = root.Parent;
        if (root is null) throw new DirectoryNotFoundException("CityScreen.sln not found above " + AppContext.BaseDirectory);
        return Path.Combine(root.FullName, "src", "CityScreen.Server", "bin", configuration, framework);
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
