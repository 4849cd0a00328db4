using CityScreen.Storage.Rollups;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CityScreen.Server.Hosting.Health;

/// <summary>The event store answers a read (SQLite or PostgreSQL, whichever holds the events).</summary>
public sealed class StoreHealthCheck(IEventHistory events) : IHealthCheck
{
    public const string Name = "store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return HealthCheckResult.Healthy($"last event #{await events.LastSeqAsync(cancellationToken)}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the event store does not answer", ex);
        }
    }
}
