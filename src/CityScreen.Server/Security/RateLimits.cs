using System.Threading.RateLimiting;
using CityScreen.Domain.Telemetry;
using CityScreen.Server.Apis;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Security;

/// <summary>
/// A token bucket per ingest key (<c>CityScreen:Ingest:RateLimit</c>): a source that floods gets 429
/// with <c>Retry-After</c> and the others keep their share. Requests without a key, or with one
/// that has not resolved (<see cref="IngestKeys.IsKnown"/>), share one bucket per client address,
/// so guessing keys is throttled too. Password sign-ins at <c>/login</c> are
/// limited per client address, so guessing passwords is slow.
/// </summary>
public static class RateLimits
{
    public const string IngestPolicy = "ingest";
    public const string SignInPolicy = "sign-in";

    public sealed class Options
    {
        public const string Section = IngestOptions.Section + ":RateLimit";

        /// <summary>Requests a key may make per second on average.</summary>
        public int RequestsPerSecond { get; set; } = 100;

        /// <summary>Requests a key may make at once after a quiet spell.</summary>
        public int Burst { get; set; } = 200;
    }

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<Options>().BindConfiguration(Options.Section)
            .Validate(o => o.RequestsPerSecond >= 1 && o.Burst >= 1, $"{Options.Section}: RequestsPerSecond and Burst must be at least 1")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<Options>, IOptions<AuthOptions>>((limiter, ingest, auth) =>
        {
            var o = ingest.Value;
            limiter.AddPolicy(IngestPolicy, http => RateLimitPartition.GetTokenBucketLimiter(PartitionOf(http), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = o.Burst,
                TokensPerPeriod = o.RequestsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
            var signIn = auth.Value.SignInAttemptsPerMinute;
            limiter.AddPolicy(SignInPolicy, http => RateLimitPartition.GetFixedWindowLimiter("ip:" + http.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, signIn),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
            limiter.OnRejected = async (context, _) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                var detail = context.HttpContext.Request.Path.StartsWithSegments("/login")
                    ? $"Too many sign-in attempts from this address; try again after {retry} s."
                    : $"This key sent more than {o.RequestsPerSecond} requests per second (bursts of {o.Burst}); nothing of this request was stored, resend it after {retry} s.";
                if (context.HttpContext.Request.Path.StartsWithSegments("/api/events"))
                    context.HttpContext.RequestServices.GetRequiredService<CityScreenMetrics>().IngestRefused(CityScreenMetrics.RefusalReasons.RateLimited);
                await ApiProblems.TooManyRequests(context.HttpContext.Response, retry, detail).ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>A key that resolved lately has its own bucket; any other shares its client's, so random keys earn nothing.</summary>
    private static string PartitionOf(HttpContext http) =>
        http.Request.Headers["X-Api-Key"].ToString() is { Length: > 0 and <= 200 } key
        && http.RequestServices.GetRequiredService<IngestKeys>().IsKnown(key, out var hash)
            ? "key:" + hash
            : "ip:" + http.Connection.RemoteIpAddress;
}
