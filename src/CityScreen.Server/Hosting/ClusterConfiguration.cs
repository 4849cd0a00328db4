using System.Net;
using CityScreen.Grains;
using CityScreen.Server.Hosting.Cluster;
using Npgsql;
using Orleans.Configuration;

namespace CityScreen.Server.Hosting;

/// <summary>
/// The silo of this host. The embedded default clusters on localhost; <c>CityScreen:Cluster:Provider=Postgres</c>
/// joins every host that shares <c>ConnectionStrings:CityScreen</c> and the cluster id into one cluster.
/// </summary>
public static class ClusterConfiguration
{
    /// <summary>This host's silo and the cadences of its grains (<c>CityScreen:Grains</c>).</summary>
    public static WebApplicationBuilder AddCityScreenCluster(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GrainOptions>().BindConfiguration(GrainOptions.Section).ValidateOnStart();
        builder.UseOrleans(silo => Configure(silo, builder.Configuration));
        return builder;
    }

    public static void Configure(ISiloBuilder silo, IConfiguration config)
    {
        var settings = ClusterSettings.Read(config);
        if (settings.Provider == ClusterProvider.Localhost)
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
            return;
        }

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = settings.AdvertisedIPAddress;
            o.SiloPort = settings.SiloPort;
            o.GatewayPort = settings.GatewayPort;
            o.SiloListeningEndpoint = new IPEndPoint(settings.ListeningAddress, settings.SiloPort);
            o.GatewayListeningEndpoint = new IPEndPoint(settings.ListeningAddress, settings.GatewayPort);
        });
        // A host starting after every host was killed finds their rows still "active" and waits until
        // they look stale: three missed heartbeats. Orleans' 30 s heartbeat made that 90 s; a row
        // written every 10 s costs nothing and brings a cluster back from a total loss within 30 s.
        silo.Configure<ClusterMembershipOptions>(o => o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10));
        silo.Services.AddSingleton<IMembershipTable>(sp => new PostgresMembershipTable(
            NpgsqlDataSource.Create(settings.ConnectionString!), settings.ClusterId, sp.GetRequiredService<ILogger<PostgresMembershipTable>>()));
    }
}
