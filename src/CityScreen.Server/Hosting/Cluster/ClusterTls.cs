using System.Security.Cryptography.X509Certificates;

namespace CityScreen.Server.Hosting.Cluster;

/// <summary>
/// <c>CityScreen:Cluster:Tls</c>: the certificate (a PKCS#12 file and its password) every host of
/// the cluster presents. With it, silo-to-silo traffic is mutual TLS and a host accepts a peer only
/// when the peer presents that same certificate, so a machine without the file cannot join or call
/// a grain even if it reaches the silo port. Off without <c>CertificatePath</c>.
/// </summary>
public sealed record ClusterTls(string CertificatePath, string? CertificatePassword)
{
    public static ClusterTls? Read(IConfigurationSection section, string name)
    {
        var path = section["CertificatePath"];
        if (string.IsNullOrWhiteSpace(path)) return null;
        if (!File.Exists(path)) throw new InvalidOperationException($"{name}:CertificatePath '{path}' does not exist");
        return new ClusterTls(path, section["CertificatePassword"]);
    }

    /// <summary>The certificate with its private key; a file that is no certificate or lacks the key stops the host.</summary>
    public X509Certificate2 Load()
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, CertificatePassword);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new InvalidOperationException($"{ClusterSettings.Section}:Tls:CertificatePath '{CertificatePath}' cannot be read with the given password: {e.Message}", e);
        }
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"{ClusterSettings.Section}:Tls:CertificatePath '{CertificatePath}' holds no private key");
        return certificate;
    }
}
