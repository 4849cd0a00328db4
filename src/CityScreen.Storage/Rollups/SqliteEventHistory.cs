using System.Runtime.CompilerServices;
using CityScreen.Contracts.Events;
using Microsoft.Data.Sqlite;

namespace CityScreen.Storage.Rollups;

/// <summary>
/// Reads the events table of <see cref="Events.SqliteEventStore"/> for the nightly job. It adds no
/// index to that table: ingest stays as fast as it was. Windows by time are found through the
/// sequence, which follows the time events were received (one writer commits in order), so a
/// leaf's recent events are a range of the (area, seq) index.
/// </summary>
public sealed class SqliteEventHistory(string path) : IEventHistory
{
    /// <summary>
    /// An upstream clock ahead of ours could stamp an event later than we received it; a day of
    /// margin on the sequence floor keeps such events in their window.
    /// </summary>
    private static readonly TimeSpan ClockSkewMargin = TimeSpan.FromDays(1);

    private const int IdsPerQuery = 500;

    private readonly SqliteDatabase _db = new(path);

    public async Task<long> LastSeqAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        return await ScalarAsync<long?>(c, "SELECT MAX(seq) FROM events", cancellationToken) ?? 0;
    }

    public async Task<DateTimeOffset?> FirstOccurredAtAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        return FromUnix(await ScalarAsync<long?>(c, "SELECT MIN(occurred_at) FROM events", cancellationToken));
    }

    public async Task<DateTimeOffset?> LastStoredOccurredAtAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        return FromUnix(await ScalarAsync<long?>(c, "SELECT occurred_at FROM events ORDER BY seq DESC LIMIT 1", cancellationToken));
    }

    public async IAsyncEnumerable<EventHead> ReadHeadsAsync(long afterSeq, long upToSeq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT seq, type, area_id, case_id, occurred_at,
                   CASE WHEN type = 'project.completed' THEN json_extract(body, '$.projectId') END
            FROM events WHERE seq > $after AND seq <= $upTo ORDER BY seq
            """;
        cmd.Parameters.AddWithValue("$after", afterSeq);
        cmd.Parameters.AddWithValue("$upTo", upToSeq);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return new EventHead(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5));
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> CaseStartsAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default)
    {
        var starts = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var c = await _db.OpenAsync(cancellationToken);
        foreach (var chunk in caseIds.Distinct(StringComparer.Ordinal).Chunk(IdsPerQuery))
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT case_id, MIN(occurred_at) FROM events WHERE case_id IS NOT NULL AND case_id IN ({Parameters(cmd, chunk)}) GROUP BY case_id";
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                starts[reader.GetString(0)] = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
        }
        return starts;
    }

    public async Task<DateTimeOffset?> ProjectClaimedAtAsync(string leafId, string projectId, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT MIN(occurred_at) FROM events
            WHERE area_id = $area AND type = 'project.claimed' AND json_extract(body, '$.projectId') = $project
            """;
        cmd.Parameters.AddWithValue("$area", leafId);
        cmd.Parameters.AddWithValue("$project", projectId);
        return FromUnix(await cmd.ExecuteScalarAsync(cancellationToken) is long ms ? ms : null);
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
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT seq, body FROM events
            WHERE area_id = $area AND seq >= $fromSeq AND occurred_at >= $from
            UNION ALL
            SELECT seq, body FROM events
            WHERE area_id = $area AND seq >= $hotlineSeq AND occurred_at >= $hotlineFrom AND occurred_at < $from
              AND type = 'case.reported' AND json_extract(body, '$.kind') = 'hotline'
            """;
        cmd.Parameters.AddWithValue("$area", leafId);
        cmd.Parameters.AddWithValue("$fromSeq", window.FromSeq);
        cmd.Parameters.AddWithValue("$from", window.From.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$hotlineSeq", window.HotlineFromSeq);
        cmd.Parameters.AddWithValue("$hotlineFrom", window.HotlineFrom.ToUnixTimeMilliseconds());
        return await ReadEventsAsync(cmd, cancellationToken);
    }

    public async Task<IReadOnlyList<CityEvent>> ReadCasesAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default)
    {
        var events = new List<CityEvent>();
        await using var c = await _db.OpenAsync(cancellationToken);
        foreach (var chunk in caseIds.Distinct(StringComparer.Ordinal).Chunk(IdsPerQuery))
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT seq, body FROM events WHERE case_id IS NOT NULL AND case_id IN ({Parameters(cmd, chunk)})";
            events.AddRange(await ReadEventsAsync(cmd, cancellationToken));
        }
        return events;
    }

    /// <summary>
    /// The first sequence received at or after <paramref name="at"/>, by bisection on the rowid:
    /// received_at does not decrease along the sequence, and the table has no index on it.
    /// </summary>
    private static async Task<long> FirstSeqReceivedSinceAsync(SqliteConnection c, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var target = at.ToUnixTimeMilliseconds();
        var lo = await ScalarAsync<long?>(c, "SELECT MIN(seq) FROM events", cancellationToken) ?? 0;
        var hi = (await ScalarAsync<long?>(c, "SELECT MAX(seq) FROM events", cancellationToken) ?? 0) + 1;
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT seq, received_at FROM events WHERE seq >= $s ORDER BY seq LIMIT 1";
        var s = cmd.Parameters.Add("$s", SqliteType.Integer);
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            s.Value = mid;
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) { hi = mid; continue; }
            var (seq, received) = (reader.GetInt64(0), reader.GetInt64(1));
            if (received >= target) hi = mid;
            else lo = seq + 1;
        }
        return lo;
    }

    private static async Task<IReadOnlyList<CityEvent>> ReadEventsAsync(SqliteCommand cmd, CancellationToken cancellationToken)
    {
        var list = new List<CityEvent>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(StoredEventReader.Read(reader.GetInt64(0), reader.GetString(1)));
        return list;
    }

    /// <summary>The body is the wire format, read back by the same parser the API uses.</summary>

    private static string Parameters(SqliteCommand cmd, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++) cmd.Parameters.AddWithValue($"$p{i}", values[i]);
        return string.Join(", ", values.Select((_, i) => $"$p{i}"));
    }

    private static DateTimeOffset? FromUnix(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;

    private static async Task<T> ScalarAsync<T>(SqliteConnection c, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var value = await cmd.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default! : (T)value;
    }
}
