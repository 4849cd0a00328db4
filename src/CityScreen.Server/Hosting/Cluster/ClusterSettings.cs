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
    IPAddress ListeningAddress,
    ClusterTls? Tls,
    string? ConnectionString,
    TimeSpan ProbeTimeout)
{
    public const string Section = "CityScreen:Cluster";

    /// <summary>
    /// The address other hosts reach this one at. A silo advertising loopback can only cluster with
    /// hosts on the same machine, which is what the demo and the tests want and nothing exposes;
    /// hosts on several machines set their own reachable address.
    /// </summary>
    public static readonly IPAddress DefaultAdvertisedIPAddress = IPAddress.Loopback;

    /// <summary>
    /// No gateway: the hosts talk silo to silo and no Orleans client exists, and a gateway would let
    /// anyone who reaches it call any grain without authentication. A port above 0 opens one.
    /// </summary>
    public const int NoGateway = 0;

    public bool HasGateway => GatewayPort != NoGateway;

    /// <summary>
    /// How long a host first waits for another's answer to a liveness probe, and the period between
    /// probes; three missed probes make it vote the other dead. Orleans adapts it to the answers it
    /// sees, from half to four times this. The default is Orleans' own: with 2 s a killed host's
    /// grids came back sooner, but on a saturated machine a host still starting answered too late and
    /// was declared dead (and stopped itself). Hosts on machines of their own may shorten it.
    /// </summary>
    public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(5);

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

        var advertised = Address(section, "AdvertisedIPAddress") ?? DefaultAdvertisedIPAddress;
        if (advertised.Equals(IPAddress.Any) || advertised.Equals(IPAddress.IPv6Any))
            throw new InvalidOperationException(
                $"{Section}:AdvertisedIPAddress '{section["AdvertisedIPAddress"]}' cannot be advertised: other hosts need this host's own address");
        // Behind NAT or in a container the advertised address is not one of this machine's: the
        // operator names the local one (0.0.0.0 for every interface) on purpose.
        var listening = Address(section, "ListeningIPAddress") ?? advertised;

        return new ClusterSettings(
            provider,
            ClusterId: Text(section, "ClusterId", "cityscreen-dev"),
            ServiceId: Text(section, "ServiceId", "cityscreen"),
            SiloPort: Port(section, "SiloPort", 11111, allowZero: false),
            GatewayPort: Port(section, "GatewayPort", NoGateway, allowZero: true),
            advertised,
            listening,
            ClusterTls.Read(section.GetSection("Tls"), $"{Section}:Tls"),
            connectionString,
            Duration(section, "ProbeTimeout", DefaultProbeTimeout, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1)));
    }

    private static IPAddress? Address(IConfigurationSection section, string key)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return null;
        return IPAddress.TryParse(text, out var address) ? address : throw new InvalidOperationException($"{Section}:{key} '{text}' is not an IP address");
    }

    private static string Text(IConfigurationSection section, string key, string fallback)
    {
        var value = section[key];
        if (value is null) return fallback;
        return string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"{Section}:{key} is empty") : value;
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback, TimeSpan least, TimeSpan most)
    {
        var value = section[key];
        if (value is null) return fallback;
        return TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var duration) && duration >= least && duration <= most
            ? duration
            : throw new InvalidOperationException($"{Section}:{key} '{value}' is not a duration from {least:c} to {most:c} (hh:mm:ss)");
    }

    private static int Port(IConfigurationSection section, string key, int fallback, bool allowZero)
    {
        var value = section[key];
        if (value is null) return fallback;
        var lowest = allowZero ? 0 : 1;
        return int.TryParse(value, out var port) && port >= lowest && port <= 65535
            ? port
            : throw new InvalidOperationException($"{Section}:{key} '{value}' is not a port ({lowest}-65535{(allowZero ? ", 0 for none" : "")})");
    }
}
