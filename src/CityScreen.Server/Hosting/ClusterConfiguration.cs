namespace CityScreen.Server.Hosting;

/// <summary>
/// The silo of this host. The embedded default clusters on localhost; cluster mode on PostgreSQL
/// comes later and plugs in here without touching the grains.
/// </summary>
public static class ClusterConfiguration
{
    public static void Configure(ISiloBuilder silo, IConfiguration config)
    {
        var siloPort = config.GetValue("CityScreen:Cluster:SiloPort", 11111);
        var gatewayPort = config.GetValue("CityScreen:Cluster:GatewayPort", 30000);
        var provider = config["CityScreen:Cluster:Provider"] ?? "Localhost";
        if (provider != "Localhost")
            throw new InvalidOperationException($"CityScreen:Cluster:Provider '{provider}' is not supported yet; use 'Localhost'");
        silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "cityscreen", clusterId: config["CityScreen:Cluster:ClusterId"] ?? "cityscreen-dev");
    }
}
