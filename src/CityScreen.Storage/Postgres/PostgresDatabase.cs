using Npgsql;

namespace CityScreen.Storage.Postgres;

/// <summary>
/// Connections to the CityScreen database (pooled by Npgsql per connection string) and the schema
/// migration every store runs at start.
/// </summary>
internal sealed class PostgresDatabase
{
    /// <summary>The key of the advisory lock that makes hosts starting at once migrate one after the other.</summary>
    private const long MigrationLock = 0x43_53_4D_49_47; // "CSMIG"

    /// <summary>
    /// Connections a host keeps to the database at most per pool, unless the connection string says
    /// otherwise: a host replaying hundreds of grids at start would otherwise open Npgsql's default
    /// of 100, and a few hosts would use up the server's default <c>max_connections</c> of 100.
    /// </summary>
    public const int DefaultMaxPoolSize = 10;

    /// <param name="pool">Names a separate pool (as the application name), so the ingest writer never waits behind readers.</param>
    public PostgresDatabase(string connectionString, string pool = "cityscreen")
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ArgumentException("the PostgreSQL connection string is empty (ConnectionStrings:CityScreen)", nameof(connectionString));
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // A commit is on disk before the caller hears of it, whatever the server's default says.
            Options = "-c synchronous_commit=on",
        };
        if (!connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase)) builder.MaxPoolSize = DefaultMaxPoolSize;
        builder.ApplicationName = builder.ApplicationName is { Length: > 0 } name ? $"{name} {pool}" : pool;
        ConnectionString = builder.ConnectionString;
    }

    public string ConnectionString { get; }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync(cancellationToken);
        return c;
    }

    /// <summary>
    /// Applies the steps of <see cref="PostgresSchema"/> the database lacks, in one transaction under
    /// an advisory lock: a second host starting at the same moment waits, then finds nothing to do.
    /// A database migrated by a newer build is refused rather than written in an older shape.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await ExecAsync(c, tx, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken);
        await ExecAsync(c, tx, """
            CREATE TABLE IF NOT EXISTS cityscreen_migrations (
                version      integer PRIMARY KEY,
                description  text NOT NULL,
                applied_at   timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);
        int current;
        await using (var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM cityscreen_migrations", c, tx))
            current = (int)(await read.ExecuteScalarAsync(cancellationToken))!;
        var latest = PostgresSchema.Migrations[^1].Version;
        if (current > latest)
            throw new InvalidOperationException(
                $"the CityScreen database is at schema version {current}, newer than this build's {latest}: run a newer build or restore a matching backup");
        foreach (var step in PostgresSchema.Migrations.Where(m => m.Version > current))
        {
            await ExecAsync(c, tx, step.Sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO cityscreen_migrations (version, description) VALUES ($1, $2)", c, tx);
            record.Parameters.Add(new NpgsqlParameter { Value = step.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = step.Description });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }

    public static async Task ExecAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
