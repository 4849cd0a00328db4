using System.Data.Common;
using CityScreen.Storage.Events;
using Npgsql;
using NpgsqlTypes;

namespace CityScreen.Storage.Sql;

/// <summary>The CityScreen database of cluster mode, that every host shares (pooled by Npgsql per connection string).</summary>
internal sealed class PostgresDialect : SqlDialect
{
    /// <summary>The key of the advisory lock that makes hosts starting at once migrate one after the other.</summary>
    private const long MigrationLock = 0x43_53_4D_49_47; // "CSMIG"

    /// <summary>Statements per round trip in <see cref="ExecuteEachAsync"/>.</summary>
    private const int StatementsPerBatch = 1_000;

    /// <summary>
    /// Connections a host keeps to the database at most per pool, unless the connection string says
    /// otherwise: a host replaying hundreds of grids at start would otherwise open Npgsql's default
    /// of 100, and a few hosts would use up the server's default <c>max_connections</c> of 100.
    /// </summary>
    public const int DefaultMaxPoolSize = 10;

    private readonly string _location;

    /// <param name="pool">Names a separate pool (as the application name), so for example the ingest writer never waits behind readers.</param>
    public PostgresDialect(string connectionString, string pool = DefaultPool)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ArgumentException("the PostgreSQL connection string is empty (ConnectionStrings:CityScreen)", nameof(connectionString));
        _location = connectionString;
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

    protected override IReadOnlyList<Migration> Migrations => PostgresSchema.Migrations;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await OpenNpgsqlAsync(cancellationToken);

    public async Task<NpgsqlConnection> OpenNpgsqlAsync(CancellationToken cancellationToken)
    {
        var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync(cancellationToken);
        return c;
    }

    public override EventWriter CreateEventWriter() => new PostgresEventWriter(new PostgresDialect(_location, pool: "cityscreen-ingest"));

    // The same ordinal order as SQLite's, whatever the database's collation.
    public override string Ordinal => " COLLATE \"C\"";

    public override string IsIn(string column, string parameter) => $"{column} = ANY({parameter})";

    // LIMIT keeps the lateral lookup from being flattened into a join the planner may hash.
    public override string ByKeys(string table, string key, string column, string parameter) =>
        $"SELECT k.key, t.{column} FROM unnest({parameter}::text[]) AS k(key) CROSS JOIN LATERAL (SELECT {column} FROM {table} WHERE {key} = k.key LIMIT 1) AS t";

    public override object Members(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).ToArray();

    public override string EventField(string column, string jsonProperty) => column;

    public override string? WaitForAppendsInFlight => "SET LOCAL lock_timeout = '5min'; LOCK TABLE events IN SHARE MODE";

    public override object List(IReadOnlyList<string> values) => values.ToArray();

    public override IReadOnlyList<string> ReadList(DbDataReader reader, int column) => reader.GetFieldValue<string[]>(column);

    public override DateTimeOffset ReadTime(DbDataReader reader, int column) => reader.GetFieldValue<DateTimeOffset>(column);

    /// <summary>To the millisecond and in UTC, which is what Npgsql writes to a <c>timestamptz</c>.</summary>
    protected override object Time(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()).UtcDateTime;

    protected override void Bind(DbCommand command, int position, object value) => command.Parameters.Add(Parameter(value));

    private static NpgsqlParameter Parameter(object value) =>
        // An empty list has no element to tell its type by.
        value is string[] ? new NpgsqlParameter { Value = value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text } : new NpgsqlParameter { Value = value };

    public override async Task<int[]> ExecuteEachAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var changed = new int[rows.Count];
        for (var start = 0; start < rows.Count; start += StatementsPerBatch)
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            var end = Math.Min(rows.Count, start + StatementsPerBatch);
            for (var r = start; r < end; r++)
            {
                var statement = new NpgsqlBatchCommand(sql);
                foreach (var arg in rows[r]) statement.Parameters.Add(Parameter(Value(arg)));
                batch.BatchCommands.Add(statement);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
            for (var r = start; r < end; r++) changed[r] = batch.BatchCommands[r - start].RecordsAffected;
        }
        return changed;
    }

    protected override async Task<int> LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS cityscreen_migrations (
                version      integer PRIMARY KEY,
                description  text NOT NULL,
                applied_at   timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);
        return (await QueryAsync(connection, transaction, "SELECT coalesce(max(version), 0) FROM cityscreen_migrations", r => r.GetInt32(0), cancellationToken))[0];
    }

    protected override Task RecordAsync(DbConnection connection, DbTransaction transaction, Migration step, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "INSERT INTO cityscreen_migrations (version, description) VALUES ($1, $2)", cancellationToken, step.Version, step.Description);
}
