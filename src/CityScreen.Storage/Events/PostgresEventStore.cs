using System.Threading.Channels;
using CityScreen.Contracts.Events;
using CityScreen.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace CityScreen.Storage.Events;

/// <summary>
/// The event store of cluster mode: the <c>events</c> table of a PostgreSQL database that every
/// host appends to. Like <see cref="SqliteEventStore"/>, one writer per host commits every request
/// waiting at that moment in one transaction (group commit, <c>synchronous_commit=on</c>), behind a
/// bounded queue. Ids are deduplicated by the database's unique constraint, not by memory, so a
/// resend that reaches another host still counts once.
/// </summary>
public sealed class PostgresEventStore : IEventStore, IAsyncDisposable
{
    /// <summary>Two hosts appending the same ids in different orders can deadlock; the loser simply runs again.</summary>
    private const int AttemptsOnConflict = 5;

    private readonly PostgresDatabase _db;
    private readonly PostgresDatabase _writerDb;
    private readonly int _maxEventsPerCommit;
    private readonly Channel<PendingAppend> _queue;
    private Task? _writer;

    /// <param name="maxPendingAppends">
    /// Requests waiting for the writer at most; beyond it <see cref="AppendAsync"/> refuses at once
    /// with <see cref="StoreBusyException"/> (the API answers 503 with Retry-After).
    /// </param>
    public PostgresEventStore(string connectionString, int maxEventsPerCommit = 5_000, int maxPendingAppends = 2_000)
    {
        _db = new PostgresDatabase(connectionString);
        _writerDb = new PostgresDatabase(connectionString, pool: "cityscreen-ingest");
        _queue = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(maxPendingAppends) { SingleReader = true });
        _maxEventsPerCommit = maxEventsPerCommit;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _db.MigrateAsync(cancellationToken);
        _writer ??= Task.Run(WriteLoopAsync);
    }

    public async Task<AppendResult> AppendAsync(IReadOnlyList<CityEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0) return new AppendResult([], 0);
        if (_writer is null) throw new InvalidOperationException("the event store is not initialized");
        var pending = new PendingAppend(events);
        if (!_queue.Writer.TryWrite(pending)) throw new StoreBusyException();
        // Once queued the request is committed or failed as a whole; a caller that stops waiting
        // does not take it back.
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CityEvent>> ReadAreaAsync(string areaId, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT seq, body FROM events WHERE area_id = $1 ORDER BY seq", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = areaId });
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
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("""
            SELECT DISTINCT ON (case_id) case_id, area_id FROM events
            WHERE case_id = ANY($1) ORDER BY case_id, seq
            """, c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = caseIds.Distinct(StringComparer.Ordinal).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) found[reader.GetString(0)] = reader.GetString(1);
        return found;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM events", c);
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is not null) await _writer;
    }

    private async Task WriteLoopAsync()
    {
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
                var results = await CommitAsync(group);
                for (var i = 0; i < group.Count; i++) group[i].Completion.TrySetResult(results[i]);
            }
            catch (Exception) when (group.Count > 1)
            {
                // One bad request must not fail the others that happened to share its transaction:
                // the group was rolled back, so each goes again alone and only the bad one fails.
                foreach (var alone in group)
                {
                    try { alone.Completion.TrySetResult((await CommitAsync([alone]))[0]); }
                    catch (Exception ex) { alone.Completion.TrySetException(ex); }
                }
            }
            catch (Exception ex)
            {
                group[0].Completion.TrySetException(ex);
            }
        }
    }

    private async Task<List<AppendResult>> CommitAsync(List<PendingAppend> group)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await InsertAsync(group);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < AttemptsOnConflict)
            {
                // Rolled back as a whole: running it again is safe, and what the other host stored
                // in the meantime now counts as duplicates.
            }
        }
    }

    private async Task<List<AppendResult>> InsertAsync(List<PendingAppend> group)
    {
        var all = group.SelectMany(p => p.Events).ToList();
        await using var c = await _writerDb.OpenAsync(CancellationToken.None);
        await using var tx = await c.BeginTransactionAsync();
        // Rows go in in request order, so sequences follow it; RETURNING names the rows that were new.
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO events (id, type, area_id, case_id, kind, project_id, occurred_at, body)
            SELECT e.id, e.type, e.area_id, e.case_id, e.kind, e.project_id, e.occurred_at, e.body
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[])
                 WITH ORDINALITY AS e(id, type, area_id, case_id, kind, project_id, occurred_at, body, n)
            ORDER BY e.n
            ON CONFLICT (id) DO NOTHING
            RETURNING id, seq
            """, c, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = all.Select(e => e.Id).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = all.Select(e => e.Type).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = all.Select(e => e.GridId ?? e.CommunityId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = all.Select(e => e.CaseId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = all.Select(e => e.Kind).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = all.Select(e => e.ProjectId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = all.Select(e => e.OccurredAt.UtcDateTime).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = all.Select(CityEventJson.Serialize).ToArray() });
        var seqs = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                seqs[reader.GetString(0)] = reader.GetInt64(1);
        await tx.CommitAsync();

        // An id stored by this transaction belongs to its first occurrence in the group; every
        // later occurrence, and every id not returned, was a duplicate.
        var results = new List<AppendResult>(group.Count);
        foreach (var pending in group)
        {
            var stored = new List<CityEvent>(pending.Events.Count);
            var duplicates = 0;
            foreach (var e in pending.Events)
            {
                if (seqs.Remove(e.Id, out var seq)) stored.Add(e with { Seq = seq });
                else duplicates++;
            }
            results.Add(new AppendResult(stored, duplicates));
        }
        return results;
    }

    private sealed class PendingAppend(IReadOnlyList<CityEvent> events)
    {
        public IReadOnlyList<CityEvent> Events { get; } = events;
        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
