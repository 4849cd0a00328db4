using System.Security.Claims;
using System.Threading.RateLimiting;
using CityScreen.Server.Apis;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Security;

/// <summary>
/// Configuration section <c>CityScreen:Limits</c>: what one principal may cost the host by reading.
/// Anonymous reading makes reads the cheapest door to knock on, so each has a bound.
/// </summary>
public sealed class ReadLimits
{
    public const string Section = "CityScreen:Limits";

    /// <summary>The rate limiter policy of every read endpoint of the API.</summary>
    public const string Policy = "read";

    /// <summary>Reads of the API one principal may make per second on average.</summary>
    public int ReadsPerSecond { get; set; } = 20;

    /// <summary>Reads one principal may make at once after a quiet spell.</summary>
    public int ReadBurst { get; set; } = 100;

    /// <summary>Hub connections one principal may hold open on one host.</summary>
    public int HubConnectionsPerPrincipal { get; set; } = 50;

    /// <summary>Areas one hub connection may subscribe to.</summary>
    public int HubSubscriptionsPerConnection { get; set; } = 200;

    /// <summary>
    /// Who is counted: a token (a wall, a session, a script), else an account, else — the anonymous
    /// reader, whom nothing else tells apart — the client address.
    /// </summary>
    public static string PrincipalOf(ClaimsPrincipal user, HttpContext http) =>
        user.FindFirst(CityScreenClaims.TokenId)?.Value is { } token ? "token:" + token
        : user.Identity?.Name is { Length: > 0 } name ? "name:" + name
        : "ip:" + http.Connection.RemoteIpAddress;
}

/// <summary>A token bucket per principal on the read endpoints; beyond it 429 with <c>Retry-After</c>.</summary>
public sealed class ReadRateLimitPolicy(IOptions<ReadLimits> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
        var o = options.Value;
        await ApiProblems.TooManyRequests(context.HttpContext.Response, retry,
            $"More than {o.ReadsPerSecond} reads per second (bursts of {o.ReadBurst}) from this identity; read again after {retry} s.").ExecuteAsync(context.HttpContext);
    };

    public RateLimitPartition<string> GetPartition(HttpContext http) =>
        RateLimitPartition.GetTokenBucketLimiter(ReadLimits.PrincipalOf(http.User, http), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.ReadBurst,
            TokensPerPeriod = options.Value.ReadsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    public static IServiceCollection AddReadLimits(IServiceCollection services)
    {
        services.AddOptions<ReadLimits>().BindConfiguration(ReadLimits.Section)
            .Validate(o => o.ReadsPerSecond >= 1 && o.ReadBurst >= 1 && o.HubConnectionsPerPrincipal >= 1 && o.HubSubscriptionsPerConnection >= 1,
                $"{ReadLimits.Section}: every limit must be at least 1")
            .ValidateOnStart();
        services.AddOptions<RateLimiterOptions>().Configure(limiter => limiter.AddPolicy<string, ReadRateLimitPolicy>(ReadLimits.Policy));
        return services;
    }
}
