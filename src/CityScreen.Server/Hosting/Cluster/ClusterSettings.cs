using System.Net;
using CityScreen.Storage;

namespace CityScreen.Server.Hosting.Cluster;

/// <summary>
/// Configuration section <c>CityScreen:Cluster</c>, read and checked before the silo is built:
/// a wrong key stops the host with a message naming it, instead of a silo that never joins.
/// </summary>
public sealed record ClusterSettings(
    ClusterProvider Provider,
    string ClusterId,
    string ServiceId,
    int SiloPort,
    int GatewayPort,
    IPAddress AdvertisedIPAddress,
    string? ConnectionString)
{
    public const string Section = "CityScreen:Cluster";

    /// <summary>
    /// The address other hosts reach this one at. A silo advertising loopback can only cluster with
    /// hosts on the same machine, which is what the demo and the tests want and nothing exposes;
    /// hosts on several machines set their own reachable address.
    /// </summary>
    public static readonly IPAddress DefaultAdvertisedIPAddress = IPAddress.Loopback;

    /// <summary>Loopback silos listen on loopback only; any other advertised address listens on every interface (NAT, containers).</summary>
    public IPAddress ListeningAddress => IPAddress.IsLoopback(AdvertisedIPAddress) ? AdvertisedIPAddress : IPAddress.Any;

    public static ClusterSettings Read(IConfiguration config)
    {
        var section = config.GetSection(Section);
        var providerName = section["Provider"] ?? nameof(ClusterProvider.Localhost);
        if (!Enum.TryParse<ClusterProvider>(providerName, ignoreCase: false, out var provider) || !Enum.IsDefined(provider))
            throw new InvalidOperationException(
                $"{Section}:Provider '{providerName}' is not known; use '{nameof(ClusterProvider.Localhost)}' or '{nameof(ClusterProvider.Postgres)}'");

        var connectionString = provider == ClusterProvider.Postgres
            ? CityScreenDatabase.RequireConnectionString(config, $"{Section}:Provider '{ClusterProvider.Postgres}'")
            : null;

        var addressText = section["AdvertisedIPAddress"];
        var advertised = DefaultAdvertisedIPAddress;
        if (!string.IsNullOrWhiteSpace(addressText) && !IPAddress.TryParse(addressText, out advertised!))
            throw new InvalidOperationException($"{Section}:AdvertisedIPAddress '{addressText}' is not an IP address");
        if (advertised.Equals(IPAddress.Any) || advertised.Equals(IPAddress.IPv6Any))
            throw new InvalidOperationException(
                $"{Section}:AdvertisedIPAddress '{addressText}' cannot be advertised: other hosts need this host's own address");

        return new ClusterSettings(
            provider,
            ClusterId: Text(section, "ClusterId", "cityscreen-dev"),
            ServiceId: Text(section, "ServiceId", "cityscreen"),
            SiloPort: Port(section, "SiloPort", 11111),
            GatewayPort: Port(section, "GatewayPort", 30000),
            advertised,
            connectionString);
    }

    private static string Text(IConfigurationSection section, string key, string fallback)
    {
        var value = section[key];
        if (value is null) return fallback;
        return string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"{Section}:{key} is empty") : value;
    }

    private static int Port(IConfigurationSection section, string key, int fallback)
    {
        var value = section[key];
        if (value is null) return fallback;
        return int.TryParse(value, out var port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"{Section}:{key} '{value}' is not a port (1-65535)");
    }
}
