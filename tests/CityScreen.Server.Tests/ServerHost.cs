using System.Net;
using System.Net.Sockets;
using CityScreen.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CityScreen.Server.Tests;

/// <summary>
/// The real host on Kestrel at 127.0.0.1, with its own SQLite file and Orleans ports, started and
/// stopped by tests. Restarting on the same data directory is how durability is proven.
/// </summary>
public sealed class ServerHost : IAsyncDisposable
{
    public const string ApiKey = "test-key";
    public const string AdminPassword = ServerProcess.AdminPassword;

    private WebApplication? _app;

    public ServerHost(string? dataDirectory = null)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "cityscreen-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;

    public async Task StartAsync(params string[] extraArgs)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--CityScreen:Storage:SqlitePath", Path.Combine(DataDirectory, "events.db"),
            "--CityScreen:Simulator:Enabled", "false",
            "--CityScreen:Ingest:ApiKeys:0", ApiKey,
            "--CityScreen:Cluster:SiloPort", ServerProcess.FreePort().ToString(),
            "--CityScreen:Cluster:ClusterId", "e2e-" + Guid.NewGuid().ToString("N"),
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
            .. extraArgs,
        ];
        _app = CityScreenHost.Build(args);
        await _app.StartAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
        using var http = new HttpClient { BaseAddress = BaseAddress };
        await Eventually.HoldsAsync(async () => (await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK,
            "the host to become healthy", TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(100));
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public HttpClient Client()
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return http;
    }

    /// <summary>A client signed in as the admin account with HTTP Basic.</summary>
    public HttpClient AdminClient() => Access.Basic(BaseAddress, "admin", AdminPassword);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
