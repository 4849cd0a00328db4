using System.Diagnostics;
using System.Globalization;

namespace CityScreen.Benchmarks;

/// <summary>
/// Debian's PostgreSQL started for one run: initdb into a temporary directory, listening on a free
/// loopback port, stopped and deleted afterwards. PostgreSQL refuses to run as root, so as root
/// the server runs as the <c>postgres</c> user (the Debian package creates it). A server of its own,
/// not the tests' shared one: the baseline's CPU is read from this postmaster and its backends.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly bool _asPostgres = Environment.UserName == "root";

    private PostgresServer(string bin)
    {
        _bin = bin;
        Directory.CreateDirectory(Root);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "cityscreen-pg-" + Guid.NewGuid().ToString("N"));
    public int Port { get; } = FreePort.Next();
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=bench;Database=postgres;Maximum Pool Size=1100;Timeout=30";

    /// <summary>The postmaster's process id (its backends are its children).</summary>
    public int Pid { get; private set; }

    private string Data => Path.Combine(Root, "data");

    /// <summary>The CPU of the postmaster and its backends so far (a backend lives as long as the pooled connection it serves).</summary>
    public TimeSpan Cpu() => ProcessMeter.Cpu(ProcessMeter.Tree(Pid));

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null) throw new InvalidOperationException("PostgreSQL is not installed: apt-get install postgresql (scripts/test.sh does)");
        var server = new PostgresServer(bin);
        if (server._asPostgres) await server.RunAsync("chown", "postgres:postgres", server.Root);
        await server.RunAsync(Path.Combine(bin, "initdb"), "-D", server.Data, "-U", "bench", "--auth=trust", "-E", "UTF8", "--no-sync");
        await server.RunAsync(Path.Combine(bin, "pg_ctl"), "-D", server.Data, "-l", Path.Combine(server.Root, "log"), "-w", "-t", "60", "-o",
            $"-p {server.Port} -k {server.Root} -c listen_addresses=127.0.0.1 -c max_connections=1200 -c shared_buffers=256MB", "start");
        server.Pid = int.Parse(File.ReadLines(Path.Combine(server.Data, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        try { await RunAsync(Path.Combine(_bin, "pg_ctl"), "-D", Data, "-m", "fast", "-w", "stop"); }
        catch (InvalidOperationException) { }
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    private async Task RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(_asPostgres && program != "chown" ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (_asPostgres && program != "chown") { info.ArgumentList.Add("-u"); info.ArgumentList.Add("postgres"); info.ArgumentList.Add("--"); info.ArgumentList.Add(program); }
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
    }
}
