using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CityScreen.Storage.Rollups;

/// <summary>
/// Connections to the store's SQLite file for the nightly job's tables. They live in the same file
/// as the events (one backup, one place), with the event store's durability settings; the job
/// keeps its write transactions short so the ingest writer never waits long for the lock.
/// </summary>
internal sealed class SqliteDatabase
{
    private readonly string _connectionString;

    public SqliteDatabase(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Cache = SqliteCacheMode.Private }.ToString();
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var c = new SqliteConnection(_connectionString);
        await c.OpenAsync(cancellationToken);
        await ExecAsync(c, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;", cancellationToken);
        return c;
    }

    public static async Task ExecAsync(SqliteConnection c, string sql, CancellationToken cancellationToken, SqliteTransaction? tx = null)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Days are stored as ISO text (yyyy-MM-dd): readable in the sqlite3 shell and ordered as text.</summary>
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
