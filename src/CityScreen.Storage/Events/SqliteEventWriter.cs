using CityScreen.Contracts.Events;
using CityScreen.Storage.Sql;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CityScreen.Storage.Events;

/// <summary>
/// The embedded store's writer: one connection, one insert prepared once and driven through
/// SQLite's own interface, and a checkpointer beside it that keeps the WAL small.
/// </summary>
internal sealed class SqliteEventWriter(SqliteDialect db) : EventWriter
{
    /// <summary>How often the WAL is copied back into the database file, off the writer's thread.</summary>
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(250);

    private const string InsertEvent = """
        INSERT INTO events (id, type, area_id, case_id, occurred_at, received_at, body)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
        ON CONFLICT(id) DO NOTHING
        """;

    private readonly CancellationTokenSource _stopping = new();
    private SqliteConnection? _connection;
    private sqlite3_stmt? _insert;
    private Task? _checkpointer;

    public override async Task StartAsync()
    {
        _connection = await db.OpenSqliteAsync(CancellationToken.None);
        // The writer never checkpoints itself (the checkpointer does, beside it): a commit that
        // also copied the WAL back held every request waiting behind it.
        await db.ExecuteAsync(_connection, null, "PRAGMA wal_autocheckpoint=0;", CancellationToken.None);
        Check(_connection, raw.sqlite3_prepare_v2(_connection.Handle, InsertEvent, out _insert));
        _checkpointer = Task.Run(CheckpointLoopAsync);
    }

    /// <summary>
    /// One transaction for the whole group. Going through ADO.NET's command and reader for each row
    /// cost as much as SQLite's own work, on the one thread every write waits for.
    /// </summary>
    public override Task<IReadOnlyList<AppendResult>> CommitAsync(IReadOnlyList<PendingAppend> group)
    {
        var (c, insert) = (_connection!, _insert!);
        using var tx = c.BeginTransaction();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var results = new List<AppendResult>(group.Count);
        foreach (var pending in group)
        {
            var stored = new List<CityEvent>(pending.Events.Count);
            var duplicates = 0;
            for (var i = 0; i < pending.Events.Count; i++)
            {
                var e = pending.Events[i];
                Check(c, raw.sqlite3_bind_text16(insert, 1, e.Id));
                Check(c, raw.sqlite3_bind_text16(insert, 2, e.Type));
                Check(c, raw.sqlite3_bind_text16(insert, 3, e.AreaId));
                Check(c, e.StepOfCase is not { } caseId ? raw.sqlite3_bind_null(insert, 4) : raw.sqlite3_bind_text16(insert, 4, caseId));
                Check(c, raw.sqlite3_bind_int64(insert, 5, e.OccurredAt.ToUnixTimeMilliseconds()));
                Check(c, raw.sqlite3_bind_int64(insert, 6, now));
                Check(c, raw.sqlite3_bind_text(insert, 7, pending.Bodies[i].AsSpan()));
                var rc = raw.sqlite3_step(insert);
                raw.sqlite3_reset(insert);
                if (rc != raw.SQLITE_DONE) Check(c, rc);
                // An id already stored changes no row (ON CONFLICT DO NOTHING): a duplicate.
                if (raw.sqlite3_changes(c.Handle) == 1) stored.Add(e with { Seq = raw.sqlite3_last_insert_rowid(c.Handle) });
                else duplicates++;
            }
            results.Add(new AppendResult(stored, duplicates));
        }
        tx.Commit();
        return Task.FromResult<IReadOnlyList<AppendResult>>(results);
    }

    public override async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_checkpointer is not null) await _checkpointer;
        _insert?.Dispose();
        if (_connection is not null) await _connection.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>
    /// Copies committed WAL frames back into the database file, beside the writer (a passive
    /// checkpoint takes no lock the writer needs), so that the WAL stays small and reads fast.
    /// </summary>
    private async Task CheckpointLoopAsync()
    {
        try
        {
            await using var c = await db.OpenSqliteAsync(_stopping.Token);
            await db.ExecuteAsync(c, null, "PRAGMA journal_size_limit=67108864;", _stopping.Token);
            while (true)
            {
                await Task.Delay(CheckpointInterval, _stopping.Token);
                try
                {
                    await db.ExecuteAsync(c, null, "PRAGMA wal_checkpoint(PASSIVE);", _stopping.Token);
                }
                catch (SqliteException)
                {
                    // Busy or locked for a moment: the next round copies what this one could not.
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private static void Check(SqliteConnection c, int rc)
    {
        if (rc is not raw.SQLITE_OK and not raw.SQLITE_DONE and not raw.SQLITE_ROW)
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(c.Handle).utf8_to_string()}'.", rc);
    }
}
