using CityScreen.Tests.Shared;

namespace CityScreen.Server.Tests.Cluster;

/// <summary>
/// Server processes on loopback forming one cluster on a fresh PostgreSQL database of their own:
/// the same connection string and cluster id, each its own HTTP, silo and gateway ports.
/// </summary>
public sealed class ClusterHosts : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cityscreen-cluster-" + Guid.NewGuid().ToString("N"));

    private ClusterHosts(string connectionString, int count, bool sharedStore)
    {
        ConnectionString = connectionString;
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N");
        Hosts = Enumerable.Range(0, count).Select(i =>
        {
            var data = Path.Combine(_directory, ((char)('a' + i)).ToString());
            Directory.CreateDirectory(data);
            string[] args =
            [
                "--CityScreen:Cluster:Provider", "Postgres",
                "--ConnectionStrings:CityScreen", connectionString,
                "--CityScreen:Cluster:ClusterId", clusterId,
                .. sharedStore ? ["--CityScreen:Storage:Provider", "Postgres"] : Array.Empty<string>(),
            ];
            return new ServerProcess(data, args);
        }).ToList();
    }

    public string ConnectionString { get; }

    public IReadOnlyList<ServerProcess> Hosts { get; }

    /// <summary>
    /// <paramref name="sharedStore"/>: events in PostgreSQL too, so a grain rebuilds the same
    /// wherever it comes back; without it each host keeps its own SQLite file.
    /// </summary>
    public static async Task<ClusterHosts> StartAsync(int count, bool sharedStore)
    {
        var hosts = new ClusterHosts(await PostgresServer.Shared.CreateDatabaseAsync("cluster"), count, sharedStore);
        try
        {
            await Task.WhenAll(hosts.Hosts.Select(h => h.StartAsync()));
            return hosts;
        }
        catch
        {
            await hosts.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Hosts) await host.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
