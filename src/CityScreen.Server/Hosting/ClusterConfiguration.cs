using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using CityScreen.Grains;
using CityScreen.Server.Hosting.Cluster;
using Npgsql;
using Orleans.Configuration;
using Orleans.Connections.Security;

namespace CityScreen.Server.Hosting;

/// <summary>
/// The silo of this host. The embedded default clusters on localhost; <c>CityScreen:Cluster:Provider=Postgres</c>
/// joins every host that shares <c>ConnectionStrings:CityScreen</c> and the cluster id into one cluster.
/// Only the silo port listens (on the advertised address), unless a gateway port is configured;
/// <c>CityScreen:Cluster:Tls</c> turns host-to-host traffic into mutual TLS.
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
        }
        else
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            // A host starting after every host was killed finds their rows still "active" and waits until
            // they look stale: three missed heartbeats. Orleans' 30 s heartbeat made that 90 s; a row
            // written every 10 s costs nothing and brings a cluster back from a total loss within 30 s.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
                // Orleans adapts each probe's timeout to the answers it sees, within these bounds.
                o.ProbeTimeout = settings.ProbeTimeout;
                o.MinProbeTimeout = settings.ProbeTimeout / 2;
                o.MaxProbeTimeout = settings.ProbeTimeout * 4;
            });
            silo.Services.AddSingleton<IMembershipTable>(sp => new PostgresMembershipTable(
                NpgsqlDataSource.Create(settings.ConnectionString!), settings.ClusterId, sp.GetRequiredService<ILogger<PostgresMembershipTable>>()));
        }

        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = settings.AdvertisedIPAddress;
            o.SiloPort = settings.SiloPort;
            o.SiloListeningEndpoint = new IPEndPoint(settings.ListeningAddress, settings.SiloPort);
            // Port 0 is Orleans' "no gateway": nothing listens for clients at all.
            o.GatewayPort = settings.GatewayPort;
            o.GatewayListeningEndpoint = settings.HasGateway ? new IPEndPoint(settings.ListeningAddress, settings.GatewayPort) : null;
        });
        if (settings.Tls is { } tls) UseMutualTls(silo, tls.Load());
    }

    /// <summary>Every host presents the cluster's certificate and accepts only a peer presenting the same one.</summary>
    private static void UseMutualTls(ISiloBuilder silo, X509Certificate2 certificate) =>
        silo.UseTls(certificate, o =>
        {
            o.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            // Hosts are reached by IP address, which a certificate rarely names: the pinned
            // certificate, not the name, is what proves a peer belongs to the cluster.
            o.RemoteCertificateValidation = (remote, _, errors) =>
                remote is not null && (errors & ~(SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors)) == 0
                && remote.RawData.AsSpan().SequenceEqual(certificate.RawData);
            o.OnAuthenticateAsClient = (_, client) => client.TargetHost = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        });
}
