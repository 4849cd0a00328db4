using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CityScreen.Server.Security;

/// <summary>
/// Configuration section <c>CityScreen:Proxy</c>: the reverse proxies whose <c>X-Forwarded-For</c>
/// and <c>X-Forwarded-Proto</c> are believed. Behind one, the client's own address is what rate
/// limits count and HTTPS at the proxy marks cookies Secure; from anyone else the headers are
/// ignored, since any client can send them. None are believed unless configured.
/// </summary>
public sealed class Proxies
{
    public const string Section = "CityScreen:Proxy";

    /// <summary>Addresses of the proxies (<c>10.0.0.2</c>).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR notation (<c>10.0.0.0/24</c>).</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    /// <summary>Reads the section and refuses to start on an address or network it cannot parse, naming it.</summary>
    public static Proxies From(IConfiguration configuration)
    {
        var proxies = configuration.GetSection(Section).Get<Proxies>() ?? new Proxies();
        foreach (var p in proxies.KnownProxies)
            if (!IPAddress.TryParse(p, out _)) throw new InvalidOperationException($"{Section}:KnownProxies: '{p}' is not an IP address");
        foreach (var n in proxies.KnownNetworks)
            if (!System.Net.IPNetwork.TryParse(n, out _)) throw new InvalidOperationException($"{Section}:KnownNetworks: '{n}' is not a network in CIDR notation (10.0.0.0/24)");
        return proxies;
    }

    /// <summary>First in the pipeline, and only with proxies configured (the defaults would believe any local process).</summary>
    public static void Use(WebApplication app)
    {
        var proxies = From(app.Configuration);
        if (!proxies.Any) return;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var p in proxies.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(p));
        foreach (var n in proxies.KnownNetworks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        app.UseForwardedHeaders(options);
    }
}
