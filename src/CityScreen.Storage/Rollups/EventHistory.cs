using System.Data.Common;
using System.Runtime.CompilerServices;
using CityScreen.Contracts.Events;
using CityScreen.Storage.Events;
using CityScreen.Storage.Sql;

namespace CityScreen.Storage.Rollups;

/// <summary>
/// Reads the events table of <see cref="EventStore"/> for the nightly job. It adds no index to that
/// table: ingest stays as fast as it was. Windows by time are found through the sequence, which
/// follows the time events were received, so a leaf's recent events are a range of the (area, seq) index.
/// </summary>
public sealed class EventHistory(CityScreenDatabase database) : IEventHistory
{
    /// <summary>
    /// Hosts' and upstream clocks differ (an event can be stamped later than we received it); a day
    /// of margin on the sequence floor keeps such events in their window.
    /// </summary>
    private static readonly TimeSpan ClockSkewMargin = TimeSpan.FromDays(1);

    private readonly SqlDialect _db = SqlDialect.For(database);

    /// <summary>
    /// The last sequence below which nothing can still appear. With several hosts appending to
    /// PostgreSQL, sequences are drawn when a row is inserted, not when it commits: a transaction
    /// holding seq 10 can commit after one holding seq 11, and a job that moved its cursor to 11
    /// would never look at 10. <c>SHARE</c> mode conflicts with the <c>ROW EXCLUSIVE</c> lock every
    /// insert holds from before it draws a sequence until it ends, so taking it waits for the
    /// appends in flight and holds new ones back for the moment of one read.
    /// </summary>
    public async Task<long> LastSeqAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        var wait = _db.WaitForAppendsInFlight;
        await using var tx = wait is null ? null : await c.BeginTransactionAsync(cancellationToken);
        if (wait is not null) await _db.ExecuteAsync(c, tx, wait, cancellationToken);
        var last = (await _db.QueryAsync(c, tx, "SELECT coalesce(max(seq), 0) FROM events", r => r.GetInt64(0), cancellationToken))[0];
        if (tx is not null) await tx.CommitAsync(cancellationToken);
        return last;
    }

    public Task<DateTimeOffset?> FirstOccurredAtAsync(CancellationToken cancellationToken = default) =>
        TimeAsync("SELECT min(occurred_at) FROM events", cancellationToken);

    public Task<DateTimeOffset?> LastStoredOccurredAtAsync(CancellationToken cancellationToken = default) =>
        TimeAsync("SELECT occurred_at FROM events ORDER BY seq DESC LIMIT 1", cancellationToken);

    public async IAsyncEnumerable<EventHead> ReadHeadsAsync(long afterSeq, long upToSeq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = _db.Command(c, null, $"""
            SELECT seq, type, area_id, case_id, occurred_at, CASE WHEN type = 'project.completed' THEN {_db.EventField("project_id", "projectId")} END
            FROM events WHERE seq > $1 AND seq <= $2 ORDER BY seq
            """, afterSeq, upToSeq);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
            yield return new EventHead(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                _db.ReadTime(r, 4), r.IsDBNull(5) ? null : r.GetString(5));
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> CaseStartsAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default)
    {
        if (caseIds.Count == 0) return new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var rows = await _db.QueryAsync(
            $"SELECT case_id, min(occurred_at) FROM events WHERE case_id IS NOT NULL AND {_db.IsIn("case_id", "$1")} GROUP BY case_id",
            r => (Case: r.GetString(0), At: _db.ReadTime(r, 1)), cancellationToken, _db.Members(caseIds));
        return rows.ToDictionary(r => r.Case, r => r.At, StringComparer.Ordinal);
    }

    public async Task<DateTimeOffset?> ProjectClaimedAtAsync(string leafId, string projectId, CancellationToken cancellationToken = default) =>
        await TimeAsync($"""
            SELECT min(occurred_at) FROM events
            WHERE area_id = $1 AND type = 'project.claimed' AND {_db.EventField("project_id", "projectId")} = $2
            """, cancellationToken, leafId, projectId);

    public async Task<EventWindow> WindowAsync(DateTimeOffset from, DateTimeOffset hotlineFrom, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        return new EventWindow(
            from, await FirstSeqReceivedSinceAsync(c, from - ClockSkewMargin, cancellationToken),
            hotlineFrom, await FirstSeqReceivedSinceAsync(c, hotlineFrom - ClockSkewMargin, cancellationToken));
    }

    public async Task<IReadOnlyList<CityEvent>> ReadLeafAsync(string leafId, EventWindow window, CancellationToken cancellationToken = default) =>
        await _db.QueryAsync($"""
            SELECT seq, body FROM events
            WHERE area_id = $1 AND seq >= $2 AND occurred_at >= $3
            UNION ALL
            SELECT seq, body FROM events
            WHERE area_id = $1 AND seq >= $4 AND occurred_at >= $5 AND occurred_at < $3
              AND type = 'case.reported' AND {_db.EventField("kind", "kind")} = 'hotline'
            """, EventStore.ReadEvent, cancellationToken, leafId, window.FromSeq, window.From, window.HotlineFromSeq, window.HotlineFrom);

    public async Task<IReadOnlyList<CityEvent>> ReadRosterAsync(string leafId, CancellationToken cancellationToken = default) =>
        await _db.QueryAsync("SELECT seq, body FROM events WHERE area_id = $1 AND type = 'member.registered'",
            EventStore.ReadEvent, cancellationToken, leafId);

    public async Task<IReadOnlyList<CityEvent>> ReadCasesAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default) =>
        caseIds.Count == 0 ? [] : await _db.QueryAsync(
            $"SELECT seq, body FROM events WHERE case_id IS NOT NULL AND {_db.IsIn("case_id", "$1")}",
            EventStore.ReadEvent, cancellationToken, _db.Members(caseIds));

    /// <summary>
    /// The first sequence received at or after <paramref name="at"/>, by bisection on the primary
    /// key: received times grow with the sequence (up to the length of a transaction, far inside
    /// the margin), and the table carries no index on them that ingest would pay for.
    /// </summary>
    private async Task<long> FirstSeqReceivedSinceAsync(DbConnection c, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var (lo, hi) = (await _db.QueryAsync(c, null, "SELECT coalesce(min(seq), 0), coalesce(max(seq), 0) FROM events",
            r => (r.GetInt64(0), r.GetInt64(1) + 1), cancellationToken))[0];
        await using var cmd = _db.Command(c, null, "SELECT seq, received_at >= $2 FROM events WHERE seq >= $1 ORDER BY seq LIMIT 1", 0L, at);
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            cmd.Parameters[0].Value = mid;
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) { hi = mid; continue; }
            var (seq, received) = (reader.GetInt64(0), Convert.ToBoolean(reader.GetValue(1)));
            if (received) hi = mid;
            else lo = seq + 1;
        }
        return lo;
    }

    private async Task<DateTimeOffset?> TimeAsync(string sql, CancellationToken cancellationToken, params object?[] args) =>
        (await _db.QueryAsync(sql, r => _db.ReadTimeOrNull(r, 0), cancellationToken, args)).FirstOrDefault();
}
