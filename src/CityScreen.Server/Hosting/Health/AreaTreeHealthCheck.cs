using CityScreen.Areas;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CityScreen.Server.Hosting.Health;

/// <summary>The area tree is loaded and has its city (it is checked once at start; this says what was loaded).</summary>
public sealed class AreaTreeHealthCheck(AreaTree tree) : IHealthCheck
{
    public const string Name = "areas";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(tree.All.Any()
            ? HealthCheckResult.Healthy($"{tree.All.Count()} areas")
            : HealthCheckResult.Unhealthy("no areas loaded"));
}
