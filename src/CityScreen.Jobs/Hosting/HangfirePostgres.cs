using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace CityScreen.Jobs.Hosting;

/// <summary>Hangfire's storage in cluster mode: its own schema in the CityScreen database, shared by every host.</summary>
internal static class HangfirePostgres
{
    public const string Schema = "hangfire";

    public static PostgreSqlStorage Storage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            // Hangfire.PostgreSql creates and upgrades its schema itself, under its own lock.
            PrepareSchemaIfNecessary = true,
            // A nightly run can take longer than the invisibility timeout; without the slide another
            // host would fetch the same run again while it is still going.
            UseSlidingInvisibilityTimeout = true,
            // A triggered catch-up should not wait the default 15 s poll to start.
            QueuePollInterval = TimeSpan.FromSeconds(1),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}
