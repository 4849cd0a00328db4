using System.Data.Common;
using CityScreen.Storage.Events;
using Microsoft.Data.Sqlite;

namespace CityScreen.Storage.Sql;

/// <summary>
/// The embedded store's SQLite file: WAL mode with <c>synchronous=FULL</c>, so a commit survives a
/// crash. Every store's tables live in this one file (one backup, one place); writers keep their
/// transactions short so the ingest writer never waits long for the lock.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    public SqliteDialect(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = full, Cache = SqliteCacheMode.Private }.ToString();
    }

    public string ConnectionString { get; }

    protected override IReadOnlyList<Migration> Migrations => SqliteSchema.Migrations;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await OpenSqliteAsync(cancellationToken);

    public async Task<SqliteConnection> OpenSqliteAsync(CancellationToken cancellationToken)
    {
        var c = new SqliteConnection(ConnectionString);
        await c.OpenAsync(cancellationToken);
        await ExecuteAsync(c, null, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;", cancellationToken);
        return c;
    }

    public override EventWriter CreateEventWriter() => new SqliteEventWriter(this);

    // SQLite compares text by its bytes already; it has no collation named "C".
    public override string Ordinal => "";

    public override string IsIn(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    // SQLite looks each member of an IN list up in the key's index already.
    public override string ByKeys(string table, string key, string column, string parameter) =>
        $"SELECT {key}, {column} FROM {table} WHERE {IsIn(key, parameter)}";

    /// <summary>One JSON array: any number of values in one parameter, where a list of parameters would hit SQLite's limit.</summary>
    public override object Members(IEnumerable<string> values) => System.Text.Json.JsonSerializer.Serialize(values.Distinct(StringComparer.Ordinal));

    public override string EventField(string column, string jsonProperty) => $"json_extract(body, '$.{jsonProperty}')";

    public override string? WaitForAppendsInFlight => null;

    public override object List(IReadOnlyList<string> values) => string.Join(',', values);

    public override IReadOnlyList<string> ReadList(DbDataReader reader, int column) =>
        reader.GetString(column).Split(',', StringSplitOptions.RemoveEmptyEntries);

    public override DateTimeOffset ReadTime(DbDataReader reader, int column) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(column));

    protected override object Time(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    protected override void Bind(DbCommand command, int position, object value) =>
        ((SqliteCommand)command).Parameters.AddWithValue("$" + position, value);

    public override async Task<int[]> ExecuteEachAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var changed = new int[rows.Count];
        if (rows.Count == 0) return changed;
        await using var cmd = Command(connection, transaction, sql, rows[0]);
        for (var r = 0; r < rows.Count; r++)
        {
            // The same command again: SQLite keeps the statement prepared and only rebinds.
            for (var i = 0; i < rows[r].Length; i++) cmd.Parameters[i].Value = Value(rows[r][i]);
            changed[r] = await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        return changed;
    }

    /// <summary>
    /// WAL is a property of the file, set outside any transaction. A file already current needs no
    /// write lock, which every store opening it would otherwise take from the ingest writer.
    /// </summary>
    protected override async Task<bool> PrepareAsync(DbConnection connection, int latest, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        return (await QueryAsync(connection, null, "PRAGMA user_version", r => r.GetInt32(0), cancellationToken))[0] == latest;
    }

    /// <summary>The migration's transaction is the lock: Microsoft.Data.Sqlite begins it IMMEDIATE, as a writer.</summary>
    protected override async Task<int> LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        (await QueryAsync(connection, transaction, "PRAGMA user_version", r => r.GetInt32(0), cancellationToken))[0];

    protected override Task RecordAsync(DbConnection connection, DbTransaction transaction, Migration step, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"PRAGMA user_version = {step.Version}", cancellationToken);
}
