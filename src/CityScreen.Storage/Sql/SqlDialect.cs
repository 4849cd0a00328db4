using System.Data.Common;
using CityScreen.Storage.Events;

namespace CityScreen.Storage.Sql;

/// <summary>
/// One database the stores talk to and what its SQL needs that the other's does not. Every store
/// writes its SQL once, against this: parameters are <c>$1</c>, <c>$2</c>… on both, .NET values
/// go in as they are (times are mapped here), and the few places the dialects truly differ —
/// ordinal ordering, list parameters, fields that only one keeps as a column, bulk writes, the
/// migration lock and the event writer — are members of this class.
/// </summary>
/// <remarks>
/// SQL written twice, because the databases truly differ there: the schemas
/// (<see cref="SqliteSchema"/>, <see cref="PostgresSchema"/>: column types), the event writers'
/// inserts (<see cref="SqliteEventWriter"/> drives one prepared statement through SQLite's own
/// interface, <see cref="PostgresEventWriter"/> sends the group as arrays) and the schema
/// bookkeeping (<c>user_version</c>, <c>cityscreen_migrations</c>) in the two subclasses.
/// </remarks>
internal abstract class SqlDialect
{
    /// <summary>The stores' default PostgreSQL pool; others name their own so they never wait behind readers.</summary>
    public const string DefaultPool = "cityscreen";

    public static SqlDialect For(CityScreenDatabase database, string pool = DefaultPool) =>
        database.IsPostgres ? new PostgresDialect(database.Location, pool) : new SqliteDialect(database.Location);

    protected abstract IReadOnlyList<Migration> Migrations { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The writer behind the event store's queue: each database's fastest way to commit a group of requests.</summary>
    public abstract EventWriter CreateEventWriter();

    /// <summary>Appended to an ORDER BY on text: ordinal order, the same on both whatever the database's collation.</summary>
    public abstract string Ordinal { get; }

    /// <summary>A condition that <paramref name="column"/> is one of the values of a parameter bound to <see cref="Members"/>.</summary>
    public abstract string IsIn(string column, string parameter);

    /// <summary>
    /// A query of the key and <paramref name="column"/> of the rows of <paramref name="table"/> whose
    /// primary key <paramref name="key"/> is one of a list bound to <see cref="Members"/>, each looked
    /// up in the key's index. Written as <see cref="IsIn"/>, PostgreSQL's planner scans a table of
    /// tens of thousands of rows whole for a list of hundreds (cheaper in pages read), which costs a
    /// hash of every stored row on every call: a cost that grows with history.
    /// </summary>
    public abstract string ByKeys(string table, string key, string column, string parameter);

    /// <summary>A list for <see cref="IsIn"/>.</summary>
    public abstract object Members(IEnumerable<string> values);

    /// <summary>A field of an event that PostgreSQL keeps as a column and SQLite only in the JSON body.</summary>
    public abstract string EventField(string column, string jsonProperty);

    /// <summary>
    /// A statement that waits for the appends in flight (in a transaction), where sequences can
    /// commit out of order; null where they cannot (SQLite's one writer commits in sequence order).
    /// </summary>
    public abstract string? WaitForAppendsInFlight { get; }

    /// <summary>A list of names stored in one column.</summary>
    public abstract object List(IReadOnlyList<string> values);

    public abstract IReadOnlyList<string> ReadList(DbDataReader reader, int column);

    /// <summary>Times are kept to the millisecond on both, so both read back the same.</summary>
    public abstract DateTimeOffset ReadTime(DbDataReader reader, int column);

    public DateTimeOffset? ReadTimeOrNull(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : ReadTime(reader, column);

    protected abstract object Time(DateTimeOffset at);

    /// <summary>Binds the value of parameter <c>$position</c>.</summary>
    protected abstract void Bind(DbCommand command, int position, object value);

    /// <summary>
    /// Runs one statement for each row in one transaction and returns how many rows each changed:
    /// SQLite re-runs one prepared statement, PostgreSQL sends them in batches (a round trip per row
    /// would be most of the time).
    /// </summary>
    public abstract Task<int[]> ExecuteEachAsync(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken);

    /// <summary>
    /// Before the migration's transaction, on its connection; true when the schema is known to be
    /// current without taking the lock.
    /// </summary>
    protected virtual Task<bool> PrepareAsync(DbConnection connection, int latest, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Takes the lock that makes hosts starting at once migrate one after the other, and reads the schema version.</summary>
    protected abstract Task<int> LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    protected abstract Task RecordAsync(DbConnection connection, DbTransaction transaction, Migration step, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the steps the database lacks, in one transaction under a lock: a second host (or
    /// store) starting at the same moment waits, then finds nothing to do. A database migrated by a
    /// newer build is refused rather than written in an older shape.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var latest = Migrations[^1].Version;
        await using var c = await OpenAsync(cancellationToken);
        if (await PrepareAsync(c, latest, cancellationToken)) return;
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        var current = await LockSchemaAsync(c, tx, cancellationToken);
        if (current > latest)
            throw new InvalidOperationException(
                $"the CityScreen database is at schema version {current}, newer than this build's {latest}: run a newer build or restore a matching backup");
        foreach (var step in Migrations.Where(m => m.Version > current))
        {
            await ExecuteAsync(c, tx, step.Sql, cancellationToken);
            await RecordAsync(c, tx, step, cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }

    public DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params object?[] args)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        for (var i = 0; i < args.Length; i++) Bind(cmd, i + 1, Value(args[i]));
        return cmd;
    }

    protected object Value(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset at => Time(at),
        _ => value,
    };

    public async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params object?[] args)
    {
        await using var cmd = Command(connection, transaction, sql, args);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] args)
    {
        await using var c = await OpenAsync(cancellationToken);
        return await ExecuteAsync(c, null, sql, cancellationToken, args);
    }

    public async Task<List<T>> QueryAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] args)
    {
        await using var cmd = Command(connection, transaction, sql, args);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] args)
    {
        await using var c = await OpenAsync(cancellationToken);
        return await QueryAsync(c, null, sql, read, cancellationToken, args);
    }

    public async Task<T?> QueryFirstAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] args) =>
        (await QueryAsync(sql, read, cancellationToken, args)).FirstOrDefault();
}
