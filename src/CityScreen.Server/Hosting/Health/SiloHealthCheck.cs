using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace CityScreen.Server.Hosting.Health;

/// <summary>This host's silo is an active member of the cluster (a silo still joining, or declared dead, is not).</summary>
public sealed class SiloHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public const string Name = "silo";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"{silo.SiloAddress} active")
            : HealthCheckResult.Unhealthy($"{silo.SiloAddress} is {status}"));
    }
}
