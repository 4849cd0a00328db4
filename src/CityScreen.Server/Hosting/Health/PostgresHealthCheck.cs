using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CityScreen.Server.Hosting.Health;

/// <summary>PostgreSQL (<c>ConnectionStrings:CityScreen</c>) answers <c>SELECT 1</c>; registered only when the store or the cluster uses it.</summary>
public sealed class PostgresHealthCheck(string connectionString) : IHealthCheck
{
    public const string Name = "postgres";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer", ex);
        }
    }
}
