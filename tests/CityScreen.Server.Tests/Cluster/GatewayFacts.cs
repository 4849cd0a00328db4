using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CityScreen.Tests.Shared;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests.Cluster;

/// <summary>
/// What a host exposes besides HTTP: only the silo port, on the advertised address; the Orleans
/// gateway, which would let anyone call any grain, only when configured; and with a certificate,
/// host-to-host traffic over mutual TLS (issue 16, item 2).
/// </summary>
public class GatewayFacts
{
    [Fact]
    public async Task A_cluster_host_listens_on_its_http_and_silo_ports_only_and_the_silo_on_the_advertised_address()
    {
        var silo = ServerProcess.FreePort();
        var directory = Directory.CreateTempSubdirectory("cityscreen-gateway-").FullName;
        await using var host = new ServerProcess(directory, [.. await PostgresClusterAsync(), "--CityScreen:Cluster:SiloPort", silo.ToString()]);
        await host.StartAsync();

        var listening = ListeningSockets.Of(host.ProcessId!.Value);

        Assert.Equal(new[] { host.BaseAddress.Port, silo }.Order(), listening.Select(e => e.Port).Order());
        Assert.Equal(IPAddress.Loopback, listening.Single(e => e.Port == silo).Address);
        Assert.DoesNotContain(listening, e => e.Port == 30000);
        await host.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_gateway_port_opens_the_gateway_on_the_advertised_address()
    {
        var (silo, gateway) = (ServerProcess.FreePort(), ServerProcess.FreePort());
        var directory = Directory.CreateTempSubdirectory("cityscreen-gateway-").FullName;
        await using var host = new ServerProcess(directory, "--CityScreen:Cluster:SiloPort", silo.ToString(), "--CityScreen:Cluster:GatewayPort", gateway.ToString());
        await host.StartAsync();

        var listening = ListeningSockets.Of(host.ProcessId!.Value);

        Assert.Equal(IPAddress.Loopback, listening.Single(e => e.Port == gateway).Address);
        Assert.Equal(IPAddress.Loopback, listening.Single(e => e.Port == silo).Address);
        await host.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Two_hosts_sharing_a_certificate_form_a_cluster_over_mutual_tls()
    {
        var directory = Directory.CreateTempSubdirectory("cityscreen-tls-").FullName;
        var certificate = Path.Combine(directory, "cluster.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=cityscreen-cluster", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var self = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllBytesAsync(certificate, self.Export(X509ContentType.Pkcs12, "cluster-certificate-password"));
        }

        await using var cluster = await ClusterHosts.StartAsync(2,
            "--CityScreen:Cluster:Tls:CertificatePath", certificate, "--CityScreen:Cluster:Tls:CertificatePassword", "cluster-certificate-password");
        using var a = new HttpClient { BaseAddress = cluster.Hosts[0].BaseAddress };
        using var b = new HttpClient { BaseAddress = cluster.Hosts[1].BaseAddress };

        // A host is ready only once it joined and every area answered, and the areas live on both silos.
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync($"/api/areas/{City}")).StatusCode);
        Directory.Delete(directory, recursive: true);
    }

    private static async Task<string[]> PostgresClusterAsync() =>
    [
        "--CityScreen:Cluster:Provider", "Postgres",
        "--ConnectionStrings:CityScreen", await PostgresServer.Shared.CreateDatabaseAsync("gateway"),
        "--CityScreen:Cluster:ClusterId", "gateway-" + Guid.NewGuid().ToString("N"),
    ];
}
