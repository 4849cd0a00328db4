using CityScreen.Tests.Shared;

namespace CityScreen.Server.Tests.Cluster;

/// <summary>
/// Server processes on loopback forming one cluster on a fresh PostgreSQL database of their own,
/// configured as an operator would (docs/operations.md): the events, the membership and Hangfire
/// in that database, the same cluster id, each host its own HTTP, silo and gateway ports.
/// </summary>
public sealed class ClusterHosts : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cityscreen-cluster-" + Guid.NewGuid().ToString("N"));

    private ClusterHosts(string connectionString, int count, string[] extraArgs)
    {
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
                "--CityScreen:Storage:Provider", "Postgres",
                "--CityScreen:Jobs:Storage", "Postgres",
            ];
            return new ServerProcess(data, [.. args, .. extraArgs]);
        }).ToList();
    }

    public IReadOnlyList<ServerProcess> Hosts { get; }

    /// <param name="extraArgs">Settings every host gets on top of the cluster's (later arguments win).</param>
    public static async Task<ClusterHosts> StartAsync(int count, params string[] extraArgs)
    {
        var hosts = new ClusterHosts(await PostgresServer.Shared.CreateDatabaseAsync("cluster"), count, extraArgs);
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
