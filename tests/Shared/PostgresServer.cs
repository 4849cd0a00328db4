using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CityScreen.Tests.Shared;

/// <summary>
/// The real PostgreSQL server the tests use. The test command (scripts/test.sh) starts one and
/// passes it in <see cref="EnvironmentVariable"/>; a test run without it (one project from an IDE)
/// starts its own the same way: Debian's package, a temporary directory, 127.0.0.1 and a free port.
/// Each test gets a database of its own, so tests never see each other's rows.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "CITYSCREEN_TEST_POSTGRES";

    private static readonly Lazy<PostgresServer> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;

    private PostgresServer(string adminConnectionString) => AdminConnectionString = adminConnectionString;

    /// <summary>The server of this test process.</summary>
    public static PostgresServer Shared => Instance.Value;

    public string AdminConnectionString { get; }

    /// <summary>Creates an empty database and returns the connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"t_{purpose.ToLowerInvariant()}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    private static PostgresServer Start()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given))
            return new PostgresServer(given);

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException(
                $"No PostgreSQL: set {EnvironmentVariable} or install Debian's 'postgresql' package (bash scripts/test.sh does both)");

        RemoveStaleServers();
        var dir = Directory.CreateTempSubdirectory("cityscreen-pg-").FullName;
        var port = FreeLoopbackPort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            Run("chown", false, "postgres", dir);
        Run(Path.Combine(bin, "initdb"), asRoot, "-D", Path.Combine(dir, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale");
        Run(Path.Combine(bin, "pg_ctl"), asRoot, "-D", Path.Combine(dir, "data"), "-l", Path.Combine(dir, "server.log"), "-w",
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {dir} -c max_connections=300", "start");

        // The server dies with this test process and takes its directory with it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(Path.Combine(bin, "pg_ctl"), asRoot, "-D", Path.Combine(dir, "data"), "-m", "immediate", "stop");
                // The server's last processes may still be removing their files: try a few times.
                for (var attempt = 0; attempt < 5 && Directory.Exists(dir); attempt++)
                {
                    try { Directory.Delete(dir, recursive: true); }
                    catch (IOException) { Thread.Sleep(200); }
                }
            }
            catch (Exception)
            {
                // Best effort at exit: a leftover temporary directory is harmless.
            }
        };
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres");
    }

    /// <summary>
    /// A test process that is stopped abruptly leaves its stopped server's directory behind:
    /// remove those (no postmaster.pid, not touched for an hour) so runs do not fill the disk.
    /// </summary>
    private static void RemoveStaleServers()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "cityscreen-pg-*"))
        {
            try
            {
                if (!File.Exists(Path.Combine(dir, "data", "postmaster.pid"))
                    && Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddHours(-1))
                    Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Another run is using it or removing it.
            }
        }
    }

    private static void Run(string program, bool asPostgresUser, params string[] args)
    {
        var start = new ProcessStartInfo(asPostgresUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asPostgresUser)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
                start.ArgumentList.Add(a);
        }
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error}{output.Result}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
