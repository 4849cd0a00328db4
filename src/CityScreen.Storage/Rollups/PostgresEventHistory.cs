using System.Runtime.CompilerServices;
using CityScreen.Contracts.Events;
using CityScreen.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace CityScreen.Storage.Rollups;

/// <summary>
/// Reads the events table of <see cref="Events.PostgresEventStore"/> for the nightly job.
/// </summary>
/// <remarks>
/// Sequences are drawn when a row is inserted, not when it commits: with several hosts appending, a
/// transaction holding seq 10 can commit after one holding seq 11. A job that moved its cursor to
/// 11 on seeing 11 would never look at 10. <see cref="LastSeqAsync"/> therefore answers only once
/// no append is in flight (see there), so every sequence up to its answer is committed or never will be.
/// </remarks>
public sealed class PostgresEventHistory(string connectionString) : IEventHistory
{
    /// <summary>Hosts' and upstream clocks differ; a day of margin on the sequence floor keeps late-stamped events in their window.</summary>
    private static readonly TimeSpan ClockSkewMargin = TimeSpan.FromDays(1);

    private readonly PostgresDatabase _db = new(connectionString);

    /// <summary>
    /// The last sequence below which nothing can still appear. <c>SHARE</c> mode conflicts with the
    /// <c>ROW EXCLUSIVE</c> lock every insert holds from before it draws a sequence until it ends, so
    /// taking it waits for the appends in flight and holds new ones back for the moment of one read;
    /// appends that start later draw higher sequences.
    /// </summary>
    public async Task<long> LastSeqAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await PostgresDatabase.ExecAsync(c, tx, "SET LOCAL lock_timeout = '5min'; LOCK TABLE events IN SHARE MODE", cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT coalesce(max(seq), 0) FROM events", c, tx);
        var last = (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
        await tx.CommitAsync(cancellationToken);
        return last;
    }

    public async Task<DateTimeOffset?> FirstOccurredAtAsync(CancellationToken cancellationToken = default) =>
        await TimeAsync("SELECT min(occurred_at) FROM events", cancellationToken);

    public async Task<DateTimeOffset?> LastStoredOccurredAtAsync(CancellationToken cancellationToken = default) =>
        await TimeAsync("SELECT occurred_at FROM events ORDER BY seq DESC LIMIT 1", cancellationToken);

    public async IAsyncEnumerable<EventHead> ReadHeadsAsync(long afterSeq, long upToSeq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("""
            SELECT seq, type, area_id, case_id, occurred_at, CASE WHEN type = 'project.completed' THEN project_id END
            FROM events WHERE seq > $1 AND seq <= $2 ORDER BY seq
            """, c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = afterSeq });
        cmd.Parameters.Add(new NpgsqlParameter { Value = upToSeq });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return new EventHead(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetString(5));
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> CaseStartsAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default)
    {
        var starts = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (caseIds.Count == 0) return starts;
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT case_id, min(occurred_at) FROM events WHERE case_id = ANY($1) GROUP BY case_id", c);
        cmd.Parameters.Add(Ids(caseIds));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            starts[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        return starts;
    }

    public async Task<DateTimeOffset?> ProjectClaimedAtAsync(string leafId, string projectId, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(
            "SELECT min(occurred_at) FROM events WHERE area_id = $1 AND type = 'project.claimed' AND project_id = $2", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = leafId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = projectId });
        return await cmd.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at) : null;
    }

    public async Task<EventWindow> WindowAsync(DateTimeOffset from, DateTimeOffset hotlineFrom, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        return new EventWindow(
            from, await FirstSeqReceivedSinceAsync(c, from - ClockSkewMargin, cancellationToken),
            hotlineFrom, await FirstSeqReceivedSinceAsync(c, hotlineFrom - ClockSkewMargin, cancellationToken));
    }

    public async Task<IReadOnlyList<CityEvent>> ReadLeafAsync(string leafId, EventWindow window, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("""
            SELECT seq, body FROM events
            WHERE area_id = $1 AND seq >= $2 AND occurred_at >= $3
            UNION ALL
            SELECT seq, body FROM events
            WHERE area_id = $1 AND seq >= $4 AND occurred_at >= $5 AND occurred_at < $3
              AND type = 'case.reported' AND kind = 'hotline'
            """, c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = leafId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = window.FromSeq });
        cmd.Parameters.Add(new NpgsqlParameter { Value = window.From.UtcDateTime });
        cmd.Parameters.Add(new NpgsqlParameter { Value = window.HotlineFromSeq });
        cmd.Parameters.Add(new NpgsqlParameter { Value = window.HotlineFrom.UtcDateTime });
        return await ReadEventsAsync(cmd, cancellationToken);
    }

    public async Task<IReadOnlyList<CityEvent>> ReadCasesAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default)
    {
        if (caseIds.Count == 0) return [];
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT seq, body FROM events WHERE case_id = ANY($1)", c);
        cmd.Parameters.Add(Ids(caseIds));
        return await ReadEventsAsync(cmd, cancellationToken);
    }

    /// <summary>
    /// The first sequence received at or after <paramref name="at"/>, by bisection on the primary
    /// key: received times grow with the sequence (up to the length of a transaction, far inside
    /// the margin), and the table carries no index on them that ingest would pay for.
    /// </summary>
    private static async Task<long> FirstSeqReceivedSinceAsync(NpgsqlConnection c, DateTimeOffset at, CancellationToken cancellationToken)
    {
        long lo, hi;
        await using (var bounds = new NpgsqlCommand("SELECT coalesce(min(seq), 0), coalesce(max(seq), 0) FROM events", c))
        await using (var reader = await bounds.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (lo, hi) = (reader.GetInt64(0), reader.GetInt64(1) + 1);
        }
        await using var cmd = new NpgsqlCommand("SELECT seq, received_at >= $2 FROM events WHERE seq >= $1 ORDER BY seq LIMIT 1", c);
        var s = cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new NpgsqlParameter { Value = at.UtcDateTime });
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            s.Value = mid;
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) { hi = mid; continue; }
            var (seq, received) = (reader.GetInt64(0), reader.GetBoolean(1));
            if (received) hi = mid;
            else lo = seq + 1;
        }
        return lo;
    }

    private static NpgsqlParameter Ids(IReadOnlyCollection<string> ids) =>
        new() { Value = ids.Distinct(StringComparer.Ordinal).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private async Task<DateTimeOffset?> TimeAsync(string sql, CancellationToken cancellationToken)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(sql, c);
        return await cmd.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at) : null;
    }

    private static async Task<IReadOnlyList<CityEvent>> ReadEventsAsync(NpgsqlCommand cmd, CancellationToken cancellationToken)
    {
        var list = new List<CityEvent>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(StoredEventReader.Read(reader.GetInt64(0), reader.GetString(1)));
        return list;
    }
}
