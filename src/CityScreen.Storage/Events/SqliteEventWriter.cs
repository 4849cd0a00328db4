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
        INSERT INTO events (source, id, type, area_id, case_id, occurred_at, received_at, body)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        ON CONFLICT(source, id) DO NOTHING
        """;

    private const string StoredBody = "SELECT body FROM events WHERE source = ?1 AND id = ?2";
    private const string BoundArea = "SELECT area_id FROM case_areas WHERE case_id = ?1";
    private const string BindCase = "INSERT INTO case_areas (case_id, area_id) VALUES (?1, ?2)";

    private readonly CancellationTokenSource _stopping = new();
    private SqliteConnection? _connection;
    private sqlite3_stmt? _insert;
    private sqlite3_stmt? _storedBody;
    private sqlite3_stmt? _boundArea;
    private sqlite3_stmt? _bindCase;
    private Task? _checkpointer;

    public override async Task StartAsync()
    {
        _connection = await db.OpenSqliteAsync(CancellationToken.None);
        // The writer never checkpoints itself (the checkpointer does, beside it): a commit that
        // also copied the WAL back held every request waiting behind it.
        // Its page cache holds the indexes every insert walks ((source, id), area, case, the case
        // bindings): at SQLite's default of 2 MiB they no longer fit once the log grows, and each
        // insert read its pages back from the file, most of the store's CPU in the kernel.
        await db.ExecuteAsync(_connection, null, "PRAGMA wal_autocheckpoint=0; PRAGMA cache_size=-65536;", CancellationToken.None);
        Check(_connection, raw.sqlite3_prepare_v2(_connection.Handle, InsertEvent, out _insert));
        Check(_connection, raw.sqlite3_prepare_v2(_connection.Handle, StoredBody, out _storedBody));
        Check(_connection, raw.sqlite3_prepare_v2(_connection.Handle, BoundArea, out _boundArea));
        Check(_connection, raw.sqlite3_prepare_v2(_connection.Handle, BindCase, out _bindCase));
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
        var conflicts = new IReadOnlyList<AppendConflict>[group.Count];
        var anyConflict = false;
        for (var p = 0; p < group.Count; p++)
        {
            var pending = group[p];
            var stored = new List<CityEvent>(pending.Events.Count);
            var refused = new List<AppendConflict>();
            var opened = new HashSet<string>(StringComparer.Ordinal);
            var duplicates = 0;
            for (var i = 0; i < pending.Events.Count; i++)
            {
                var e = pending.Events[i];
                Check(c, raw.sqlite3_bind_text16(insert, 1, e.Source));
                Check(c, raw.sqlite3_bind_text16(insert, 2, e.Id));
                Check(c, raw.sqlite3_bind_text16(insert, 3, e.Type));
                Check(c, raw.sqlite3_bind_text16(insert, 4, e.AreaId));
                Check(c, e.StepOfCase is not { } caseId ? raw.sqlite3_bind_null(insert, 5) : raw.sqlite3_bind_text16(insert, 5, caseId));
                Check(c, raw.sqlite3_bind_int64(insert, 6, e.OccurredAt.ToUnixTimeMilliseconds()));
                Check(c, raw.sqlite3_bind_int64(insert, 7, now));
                Check(c, raw.sqlite3_bind_text(insert, 8, pending.Bodies[i].AsSpan()));
                Step(c, insert);
                // A (source, id) already stored changes no row (ON CONFLICT DO NOTHING): a resend,
                // welcome only when it repeats the stored event.
                if (raw.sqlite3_changes(c.Handle) == 1)
                {
                    stored.Add(e with { Seq = raw.sqlite3_last_insert_rowid(c.Handle) });
                    if (e.StepOfCase is not null && BindCaseOrFindOther(c, e, opened) is { } other) refused.Add(AppendConflict.CaseElsewhere(i, e, other));
                }
                else if (SameContent(pending.Bodies[i], ReadText(c, _storedBody!, e.Source, e.Id)!)) duplicates++;
                else refused.Add(AppendConflict.IdReused(i, e));
            }
            conflicts[p] = refused;
            anyConflict |= refused.Count > 0;
            results.Add(new AppendResult(stored, duplicates) { OpenedCases = opened });
        }
        if (anyConflict) return Task.FromResult(Refuse(group, conflicts));
        tx.Commit();
        return Task.FromResult<IReadOnlyList<AppendResult>>(results);
    }

    /// <summary>Binds the event's case to its area unless it is bound already (noting it in <paramref name="opened"/>); returns the other area it is bound to, if so.</summary>
    private string? BindCaseOrFindOther(SqliteConnection c, CityEvent e, HashSet<string> opened)
    {
        // The writer holds the database's write lock for the whole transaction, so nothing binds the case between the look and the insert.
        if (ReadText(c, _boundArea!, e.StepOfCase!) is { } bound) return bound == e.AreaId ? null : bound;
        Check(c, raw.sqlite3_bind_text16(_bindCase!, 1, e.StepOfCase!));
        Check(c, raw.sqlite3_bind_text16(_bindCase!, 2, e.AreaId));
        Step(c, _bindCase!);
        opened.Add(e.StepOfCase!);
        return null;
    }

    /// <summary>The first column of the first row of a prepared query, null when there is none.</summary>
    private static string? ReadText(SqliteConnection c, sqlite3_stmt query, params string[] args)
    {
        for (var i = 0; i < args.Length; i++) Check(c, raw.sqlite3_bind_text16(query, i + 1, args[i]));
        try
        {
            var rc = raw.sqlite3_step(query);
            if (rc == raw.SQLITE_ROW) return raw.sqlite3_column_text(query, 0).utf8_to_string();
            Check(c, rc);
            return null;
        }
        finally
        {
            raw.sqlite3_reset(query);
        }
    }

    private static void Step(SqliteConnection c, sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE) Check(c, rc);
    }

    public override async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_checkpointer is not null) await _checkpointer;
        _insert?.Dispose();
        _storedBody?.Dispose();
        _boundArea?.Dispose();
        _bindCase?.Dispose();
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
