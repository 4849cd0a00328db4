using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CityScreen.Server.Hosting;

/// <summary>Healthy once the store, the silo and every area are up; until then its description says what the host is doing.</summary>
public sealed class ReadinessCheck(Readiness readiness) : IHealthCheck
{
    public const string Name = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady ? HealthCheckResult.Healthy(readiness.State) : HealthCheckResult.Unhealthy(readiness.State));
}
