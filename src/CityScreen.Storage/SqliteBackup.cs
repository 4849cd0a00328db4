using Microsoft.Data.Sqlite;

namespace CityScreen.Storage;

/// <summary>
/// A copy of the embedded store taken while the host runs, through SQLite's online backup API: the
/// copy is one consistent picture of the database, write-ahead log included (copying the file
/// alone can miss committed events), and the host keeps accepting events meanwhile.
/// </summary>
public static class SqliteBackup
{
    public static async Task BackupAsync(CityScreenDatabase database, string target, CancellationToken cancellationToken = default)
    {
        if (database.IsPostgres)
            throw new InvalidOperationException("the store is PostgreSQL: back it up with pg_dump (docs/operations-storage.md)");
        if (!File.Exists(database.Location))
            throw new InvalidOperationException($"there is no SQLite store at '{database.Location}'");
        if (File.Exists(target))
            throw new InvalidOperationException($"'{target}' exists; name a new file (a backup never overwrites one)");

        // Unpooled, so the files are closed when this returns and the copy can be moved at once.
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database.Location, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30,
        }.ToString());
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await source.OpenAsync(cancellationToken);
        await copy.OpenAsync(cancellationToken);
        // All pages in one step: the source is read under one read transaction, so the writer, which
        // appends to the log beside it, neither waits nor makes the copy start over.
        source.BackupDatabase(copy);
        await using var check = copy.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        if (await check.ExecuteScalarAsync(cancellationToken) is not "ok")
            throw new InvalidOperationException($"the copy '{target}' failed SQLite's integrity check");
    }
}
