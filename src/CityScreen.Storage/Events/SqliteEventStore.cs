using System.Threading.Channels;
using CityScreen.Contracts.Events;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CityScreen.Storage.Events;

/// <summary>
/// The embedded event store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a commit
/// survives a crash. Writes go through one writer that commits every request waiting at that
/// moment in one transaction (group commit): many small requests share one fsync instead of each
/// paying for its own, and each request is still all-or-nothing because a failed transaction
/// fails every request in it.
/// </summary>
public sealed class SqliteEventStore : IEventStore, IAsyncDisposable
{
    /// <summary>Case ids looked up per statement (SQLite allows 32,766 parameters; this keeps statements small).</summary>
    private const int CaseIdsPerQuery = 500;

    private readonly string _connectionString;
    private readonly int _maxEventsPerCommit;
    /// <summary>How often the WAL is copied back into the database file, off the writer's thread.</summary>
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(250);

    private readonly Channel<PendingAppend> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _writer;
    private Task? _checkpointer;

    /// <param name="maxPendingAppends">
    /// Requests waiting for the writer at most; beyond it <see cref="AppendAsync"/> refuses at once
    /// with <see cref="StoreBusyException"/> (the API answers 503 with Retry-After) instead of
    /// buffering without limit while the disk falls behind.
    /// </param>
    public SqliteEventStore(string path, int maxEventsPerCommit = 5_000, int maxPendingAppends = 2_000)
    {
        _queue = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(maxPendingAppends) { SingleReader = true });
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Cache = SqliteCacheMode.Private }.ToString();
        _maxEventsPerCommit = maxEventsPerCommit;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        await ExecAsync(c, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS events (
                seq          INTEGER PRIMARY KEY AUTOINCREMENT,
                id           TEXT NOT NULL UNIQUE,
                type         TEXT NOT NULL,
                area_id      TEXT NOT NULL,
                case_id      TEXT NULL,
                occurred_at  INTEGER NOT NULL,
                received_at  INTEGER NOT NULL,
                body         TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS ix_events_area ON events(area_id, seq);
            CREATE INDEX IF NOT EXISTS ix_events_case ON events(case_id) WHERE case_id IS NOT NULL;
            """, cancellationToken);
        _writer ??= Task.Run(WriteLoopAsync);
        _checkpointer ??= Task.Run(CheckpointLoopAsync);
    }

    public async Task<AppendResult> AppendAsync(IReadOnlyList<CityEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0) return new AppendResult([], 0);
        if (_writer is null) throw new InvalidOperationException("the event store is not initialized");
        var pending = new PendingAppend(events);
        if (!_queue.Writer.TryWrite(pending)) throw new StoreBusyException();
        // Once queued the request is committed or failed as a whole; a caller that gives up
        // waiting does not take it back, so its answer (202) is only withheld, never wrong.
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CityEvent>> ReadAreaAsync(string areaId, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT seq, body FROM events WHERE area_id = $area ORDER BY seq";
        cmd.Parameters.AddWithValue("$area", areaId);
        var list = new List<CityEvent>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(StoredEventReader.Read(reader.GetInt64(0), reader.GetString(1)));
        return list;
    }

    public async Task<IReadOnlyDictionary<string, string>> FindCaseAreasAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (caseIds.Count == 0) return found;
        await using var c = await OpenAsync(cancellationToken);
        // One statement per chunk of ids instead of one per id: a batch of 1,000 events names
        // hundreds of cases, and a statement per case was most of the request's time in the store.
        foreach (var chunk in caseIds.Chunk(CaseIdsPerQuery))
        {
            await using var cmd = c.CreateCommand();
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                names[i] = "$c" + i;
                cmd.Parameters.AddWithValue(names[i], chunk[i]);
            }
            cmd.CommandText = $"SELECT case_id, area_id FROM events WHERE case_id IS NOT NULL AND case_id IN ({string.Join(",", names)})";
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                found.TryAdd(reader.GetString(0), reader.GetString(1));
        }
        return found;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM events";
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is not null) await _writer;
        await _stopping.CancelAsync();
        if (_checkpointer is not null) await _checkpointer;
        SqliteConnection.ClearAllPools();
    }

    private async Task WriteLoopAsync()
    {
        await using var c = await OpenAsync(CancellationToken.None);
        // The writer never checkpoints itself (the checkpointer does, beside it): a commit that
        // also copied the WAL back held every request waiting behind it.
        await ExecAsync(c, "PRAGMA wal_autocheckpoint=0;", CancellationToken.None);
        Check(c, raw.sqlite3_prepare_v2(c.Handle, InsertEvent, out var insert));
        using var _ = insert;
        var group = new List<PendingAppend>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            var events = 0;
            while (events < _maxEventsPerCommit && _queue.Reader.TryRead(out var next))
            {
                group.Add(next);
                events += next.Events.Count;
            }
            try
            {
                var results = Commit(c, insert, group);
                for (var i = 0; i < group.Count; i++) group[i].Completion.TrySetResult(results[i]);
            }
            catch (Exception ex)
            {
                foreach (var p in group) p.Completion.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// Copies committed WAL frames back into the database file, beside the writer (a passive
    /// checkpoint takes no lock the writer needs), so that the WAL stays small and reads fast.
    /// </summary>
    private async Task CheckpointLoopAsync()
    {
        try
        {
            await using var c = await OpenAsync(_stopping.Token);
            await ExecAsync(c, "PRAGMA journal_size_limit=67108864;", _stopping.Token);
            while (true)
            {
                await Task.Delay(CheckpointInterval, _stopping.Token);
                try
                {
                    await ExecAsync(c, "PRAGMA wal_checkpoint(PASSIVE);", _stopping.Token);
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

    private const string InsertEvent = """
        INSERT INTO events (id, type, area_id, case_id, occurred_at, received_at, body)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
        ON CONFLICT(id) DO NOTHING
        """;

    /// <summary>
    /// One transaction for the whole group. The insert is one statement prepared once per writer
    /// and driven through SQLite's own interface: going through ADO.NET's command and reader for
    /// each row cost as much as SQLite's own work, on the one thread every write waits for.
    /// </summary>
    private static List<AppendResult> Commit(SqliteConnection c, sqlite3_stmt insert, List<PendingAppend> group)
    {
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
                Check(c, e.CaseId is null ? raw.sqlite3_bind_null(insert, 4) : raw.sqlite3_bind_text16(insert, 4, e.CaseId));
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
        return results;
    }

    private static void Check(SqliteConnection c, int rc)
    {
        if (rc is not raw.SQLITE_OK and not raw.SQLITE_DONE and not raw.SQLITE_ROW)
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(c.Handle).utf8_to_string()}'.", rc);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var c = new SqliteConnection(_connectionString);
        await c.OpenAsync(cancellationToken);
        await ExecAsync(c, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;", cancellationToken);
        return c;
    }

    private static async Task ExecAsync(SqliteConnection c, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class PendingAppend(IReadOnlyList<CityEvent> events)
    {
        public IReadOnlyList<CityEvent> Events { get; } = events;

        /// <summary>
        /// Serialized by the caller before queueing: the one writer thread then only talks to
        /// SQLite, and the requests' threads share the JSON work.
        /// </summary>
        public byte[][] Bodies { get; } = events.Select(CityEventJson.SerializeToUtf8).ToArray();
        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
