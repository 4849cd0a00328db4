using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CityScreen.Contracts.Events;
using CityScreen.Storage.Sql;

namespace CityScreen.Storage.Events;

/// <summary>
/// The event log in the configured database. Writes go through one writer per host that commits
/// every request waiting at that moment in one transaction (group commit): many small requests
/// share one fsync instead of each paying for its own. The queue in front of it is bounded. Ids
/// are deduplicated per source by the database's unique constraint on (source, id), not by
/// memory, so a resend that reaches another host of a cluster still counts once, and one source's
/// ids never shadow another's. A case is bound to its area in the same transaction.
/// </summary>
public sealed class EventStore : IEventStore, IAsyncDisposable
{
    /// <summary>
    /// The leaf reads hand out a page at a time, each read whole and its connection returned before
    /// the first of it is handed out. A reader that reads the store again while iterating (a grid
    /// bringing back a case's earlier steps) then never holds a pooled connection while waiting for
    /// another: with PostgreSQL's bounded pool and thousands of grids activating at once (a cluster
    /// host died and the others took its grids over), streaming let every connection be held by
    /// such a reader, and the host stopped answering for good.
    /// </summary>
    private const int PageSize = 2_000;

    private readonly SqlDialect _db;
    private readonly EventWriter _writer;
    private readonly int _maxEventsPerCommit;
    private readonly Channel<PendingAppend> _queue;
    private Task? _writing;

    /// <param name="maxPendingAppends">
    /// Requests waiting for the writer at most; beyond it <see cref="AppendAsync"/> refuses at once
    /// with <see cref="StoreBusyException"/> (the API answers 503 with Retry-After) instead of
    /// buffering without limit while the disk falls behind.
    /// </param>
    public EventStore(CityScreenDatabase database, int maxEventsPerCommit = 5_000, int maxPendingAppends = 2_000)
    {
        _db = SqlDialect.For(database);
        _writer = _db.CreateEventWriter();
        _queue = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(maxPendingAppends) { SingleReader = true });
        _maxEventsPerCommit = maxEventsPerCommit;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _db.MigrateAsync(cancellationToken);
        _writing ??= Task.Run(WriteLoopAsync);
    }

    public async Task<AppendResult> AppendAsync(IReadOnlyList<CityEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0) return new AppendResult([], 0);
        if (_writing is null) throw new InvalidOperationException("the event store is not initialized");
        var pending = new PendingAppend(events);
        if (!_queue.Writer.TryWrite(pending)) throw new StoreBusyException();
        // Once queued the request is committed or failed as a whole; a caller that gives up
        // waiting does not take it back, so its answer (202) is only withheld, never wrong.
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CityEvent>> ReadAreaAsync(string areaId, CancellationToken cancellationToken = default) =>
        await _db.QueryAsync("SELECT seq, body FROM events WHERE area_id = $1 ORDER BY seq", ReadEvent, cancellationToken, areaId);

    public async IAsyncEnumerable<CityEvent> ReadAreaAfterAsync(string areaId, long afterSeq, long upToSeq = long.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var from = afterSeq; ;)
        {
            var page = await _db.QueryAsync($"SELECT seq, body FROM events WHERE area_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT {PageSize}",
                ReadEvent, cancellationToken, areaId, from, upToSeq);
            foreach (var e in page) yield return e;
            if (page.Count < PageSize) yield break;
            from = page[^1].Seq;
        }
    }

    public async IAsyncEnumerable<CityEvent> ReadAreaSeqsAsync(string areaId, IReadOnlyList<long> seqs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Sequences are numbers, so they go into the statement as text: one statement per page
        // on either database, without a list parameter of each one's kind.
        foreach (var chunk in seqs.Chunk(PageSize))
        {
            var list = string.Join(',', chunk.Select(s => s.ToString(CultureInfo.InvariantCulture)));
            foreach (var e in await _db.QueryAsync($"SELECT seq, body FROM events WHERE area_id = $1 AND seq IN ({list}) ORDER BY seq", ReadEvent, cancellationToken, areaId))
                yield return e;
        }
    }

    public async Task<IReadOnlyList<CityEvent>> ReadCaseAsync(string areaId, string caseId, long beforeSeq, CancellationToken cancellationToken = default) =>
        await _db.QueryAsync("SELECT seq, body FROM events WHERE case_id = $1 AND area_id = $2 AND seq < $3 ORDER BY seq", ReadEvent, cancellationToken, caseId, areaId, beforeSeq);

    public async Task<long> LastSeqAsync(string areaId, CancellationToken cancellationToken = default) =>
        (await _db.QueryAsync("SELECT coalesce(max(seq), 0) FROM events WHERE area_id = $1", r => r.GetInt64(0), cancellationToken, areaId))[0];

    /// <summary>A case belongs to the area of its earliest stored step: bound when that step was appended.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FindCaseAreasAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default)
    {
        if (caseIds.Count == 0) return new Dictionary<string, string>(StringComparer.Ordinal);
        // One statement for the whole list: a batch of 1,000 events names hundreds of cases.
        var rows = await _db.QueryAsync(_db.ByKeys("case_areas", "case_id", "area_id", "$1"),
            r => (Case: r.GetString(0), Area: r.GetString(1)), cancellationToken, _db.Members(caseIds));
        return rows.ToDictionary(r => r.Case, r => r.Area, StringComparer.Ordinal);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        (await _db.QueryAsync("SELECT count(*) FROM events", r => r.GetInt64(0), cancellationToken))[0];

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writing is not null) await _writing;
        await _writer.DisposeAsync();
    }

    /// <summary>The body is the wire format, read back by the same parser the API uses.</summary>
    internal static CityEvent ReadEvent(System.Data.Common.DbDataReader r) => StoredEventReader.Read(r.GetInt64(0), r.GetString(1));

    private async Task WriteLoopAsync()
    {
        await _writer.StartAsync();
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
                var results = await _writer.CommitAsync(group);
                for (var i = 0; i < group.Count; i++) group[i].Completion.TrySetResult(results[i]);
            }
            catch (Exception) when (group.Count > 1)
            {
                // One bad request must not fail the others that happened to share its transaction:
                // the group was rolled back, so each goes again alone and only the bad one fails.
                foreach (var alone in group)
                {
                    try { alone.Completion.TrySetResult((await _writer.CommitAsync([alone]))[0]); }
                    catch (Exception ex) { alone.Completion.TrySetException(ex); }
                }
            }
            catch (Exception ex)
            {
                group[0].Completion.TrySetException(ex);
            }
        }
    }
}
