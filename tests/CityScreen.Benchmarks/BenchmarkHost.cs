using System.Net;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Storage;
using CityScreen.Storage.Events;
using Microsoft.Extensions.Configuration;
using CityScreen.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CityScreen.Benchmarks;

/// <summary>
/// The real host in this process on Kestrel at 127.0.0.1 (free ports), with a temporary data
/// directory, the simulator and the start-up index catch-up off so that only the benchmark's own
/// load runs. The zone is UTC so that no run crosses the city's midnight, when "today" resets.
/// </summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    public const string ApiKey = "bench-key";

    private WebApplication? _app;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "cityscreen-bench-" + Guid.NewGuid().ToString("N"));
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;

    /// <summary>Starts and waits for /healthz; returns how long until healthy.</summary>
    public async Task<TimeSpan> StartAsync(params string[] extraArgs)
    {
        Directory.CreateDirectory(DataDirectory);
        string[] args =
        [
            // The server's settings, seed data and dashboards are copied next to this program;
            // `dotnet run` would otherwise take the caller's directory as the content root.
            "--contentRoot", AppContext.BaseDirectory,
            "--urls", "http://127.0.0.1:0",
            "--CityScreen:Storage:SqlitePath", Path.Combine(DataDirectory, "events.db"),
            "--CityScreen:Simulator:Enabled", "false",
            // The benchmarks read and subscribe as the demo's anonymous reader does.
            "--CityScreen:Auth:AnonymousRead", "true",
            // Thousands of screens from this one address: no per-principal bound on what is measured.
            "--CityScreen:Limits:ReadsPerSecond", "1000000",
            "--CityScreen:Limits:ReadBurst", "1000000",
            "--CityScreen:Limits:HubConnectionsPerPrincipal", "1000000",
            "--CityScreen:Jobs:CatchUpAtStart", "false",
            "--CityScreen:Jobs:SimulatedHistoryDays", "0",
            "--CityScreen:TimeZone", "UTC",
            "--CityScreen:Ingest:ApiKeys:0", ApiKey,
            "--CityScreen:Cluster:SiloPort", FreePort.Next().ToString(),
            "--CityScreen:Cluster:GatewayPort", FreePort.Next().ToString(),
            "--CityScreen:Cluster:ClusterId", "bench-" + Guid.NewGuid().ToString("N"),
            "--Logging:LogLevel:Default", "Warning",
            // Orleans logs every one-way message dropped while the silo stops, as warnings and errors.
            "--Logging:LogLevel:Orleans", "Critical",
            .. extraArgs,
        ];
        var started = System.Diagnostics.Stopwatch.StartNew();
        _app = CityScreenHost.Build(args);
        await _app.StartAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while ((await http.GetAsync("/healthz")).StatusCode != HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the benchmark host did not become healthy within 10 minutes");
            await Task.Delay(100);
        }
        return started.Elapsed;
    }

    /// <summary>The city the host will load, read from the same configuration before it starts (to make its events first).</summary>
    public static AreaTree LoadTree()
    {
        var config = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json").Build();
        return AreaConfiguration.Load(config, AppContext.BaseDirectory);
    }

    /// <summary>Events stored before the host starts, as if received earlier: its grids replay them when they wake.</summary>
    public async Task PrefillAsync(IReadOnlyList<CityEvent> events)
    {
        Directory.CreateDirectory(DataDirectory);
        if (events.Count == 0) return;
        await using var store = new EventStore(CityScreenDatabase.Sqlite(Path.Combine(DataDirectory, "events.db")));
        await store.InitializeAsync();
        foreach (var chunk in events.Chunk(5_000)) await store.AppendAsync(chunk);
    }

    public HttpClient Client()
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
