using System.Net;
using CityScreen.Server.Hosting.Cluster;
using Microsoft.Extensions.Configuration;

namespace CityScreen.Server.Tests.Cluster;

public class ClusterSettingsFacts
{
    [Fact]
    public void The_embedded_default_is_one_host_on_loopback()
    {
        var settings = ClusterSettings.Read(Config());

        Assert.Equal(ClusterProvider.Localhost, settings.Provider);
        Assert.Equal((11111, 0), (settings.SiloPort, settings.GatewayPort));
        Assert.False(settings.HasGateway);
        Assert.Null(settings.Tls);
        Assert.Equal(IPAddress.Loopback, settings.AdvertisedIPAddress);
        Assert.Equal(IPAddress.Loopback, settings.ListeningAddress);
    }

    [Fact]
    public void A_cluster_host_reads_its_ports_ids_and_address()
    {
        var settings = ClusterSettings.Read(Config(
            ("CityScreen:Cluster:Provider", "Postgres"), ("ConnectionStrings:CityScreen", "Host=db;Database=cityscreen"),
            ("CityScreen:Cluster:SiloPort", "11112"), ("CityScreen:Cluster:GatewayPort", "30002"),
            ("CityScreen:Cluster:ClusterId", "yanan-prod"), ("CityScreen:Cluster:ServiceId", "cityscreen-yanan"),
            ("CityScreen:Cluster:AdvertisedIPAddress", "10.0.0.12")));

        Assert.Equal(ClusterProvider.Postgres, settings.Provider);
        Assert.Equal((11112, 30002), (settings.SiloPort, settings.GatewayPort));
        Assert.Equal(("yanan-prod", "cityscreen-yanan"), (settings.ClusterId, settings.ServiceId));
        Assert.Equal(IPAddress.Parse("10.0.0.12"), settings.AdvertisedIPAddress);
        // Reachable from other machines at its own address, and listening there only.
        Assert.Equal(IPAddress.Parse("10.0.0.12"), settings.ListeningAddress);
        Assert.Equal("Host=db;Database=cityscreen", settings.ConnectionString);
        Assert.Equal(ClusterSettings.DefaultProbeTimeout, settings.ProbeTimeout);
    }

    [Fact]
    public void A_slow_network_between_hosts_gets_a_longer_probe_timeout()
    {
        var settings = ClusterSettings.Read(Config(("CityScreen:Cluster:ProbeTimeout", "00:00:07.5")));

        Assert.Equal(TimeSpan.FromSeconds(7.5), settings.ProbeTimeout);
    }

    [Theory]
    [InlineData("CityScreen:Cluster:Provider", "Consul", "CityScreen:Cluster:Provider 'Consul'")]
    [InlineData("CityScreen:Cluster:SiloPort", "70000", "CityScreen:Cluster:SiloPort '70000'")]
    [InlineData("CityScreen:Cluster:GatewayPort", "gateway", "CityScreen:Cluster:GatewayPort 'gateway'")]
    [InlineData("CityScreen:Cluster:GatewayPort", "-1", "CityScreen:Cluster:GatewayPort '-1'")]
    [InlineData("CityScreen:Cluster:SiloPort", "0", "CityScreen:Cluster:SiloPort '0'")]
    [InlineData("CityScreen:Cluster:ListeningIPAddress", "any", "CityScreen:Cluster:ListeningIPAddress 'any'")]
    [InlineData("CityScreen:Cluster:Tls:CertificatePath", "/nonexistent/cluster.pfx", "CityScreen:Cluster:Tls:CertificatePath '/nonexistent/cluster.pfx'")]
    [InlineData("CityScreen:Cluster:AdvertisedIPAddress", "host-b", "CityScreen:Cluster:AdvertisedIPAddress 'host-b'")]
    [InlineData("CityScreen:Cluster:AdvertisedIPAddress", "0.0.0.0", "CityScreen:Cluster:AdvertisedIPAddress '0.0.0.0'")]
    [InlineData("CityScreen:Cluster:ClusterId", " ", "CityScreen:Cluster:ClusterId is empty")]
    [InlineData("CityScreen:Cluster:ProbeTimeout", "2", "CityScreen:Cluster:ProbeTimeout '2'")]
    [InlineData("CityScreen:Cluster:ProbeTimeout", "00:00:00.1", "CityScreen:Cluster:ProbeTimeout '00:00:00.1'")]
    public void A_wrong_key_stops_the_host_with_its_name(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClusterSettings.Read(Config(
            ("CityScreen:Cluster:Provider", "Postgres"), ("ConnectionStrings:CityScreen", "Host=db"), (key, value))));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Behind_nat_a_host_listens_where_it_is_told_and_advertises_its_public_address()
    {
        var settings = ClusterSettings.Read(Config(
            ("CityScreen:Cluster:AdvertisedIPAddress", "203.0.113.7"), ("CityScreen:Cluster:ListeningIPAddress", "0.0.0.0"), ("CityScreen:Cluster:GatewayPort", "30000")));

        Assert.Equal(IPAddress.Parse("203.0.113.7"), settings.AdvertisedIPAddress);
        Assert.Equal(IPAddress.Any, settings.ListeningAddress);
        Assert.True(settings.HasGateway);
    }

    [Fact]
    public void A_postgres_cluster_without_a_connection_string_names_the_missing_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClusterSettings.Read(Config(("CityScreen:Cluster:Provider", "Postgres"))));

        Assert.Contains("ConnectionStrings:CityScreen", error.Message);
    }

    /// <summary>Later values win, as on a command line.</summary>
    private static IConfiguration Config(params (string Key, string Value)[] values)
    {
        var latest = new Dictionary<string, string?>();
        foreach (var (key, value) in values) latest[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(latest).Build();
    }
}
