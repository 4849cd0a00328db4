using CityScreen.Areas;
using CityScreen.Contracts.Events;
using Npgsql;
using NpgsqlTypes;

namespace CityScreen.Benchmarks;

/// <summary>
/// The peer baseline's database, built the way dashboards are built today: one events table in
/// PostgreSQL (each row with its grid's community, street and district), an index on the time,
/// durable INSERTs, and screens that each run a GROUP BY of today's events once a second.
/// </summary>
public sealed class BaselineDatabase(NpgsqlDataSource data, AreaTree tree)
{
    /// <summary>What every screen runs once a second: today's events of the city by district and type.</summary>
    private const string Poll = """
        SELECT district_id, type, count(*) FROM events WHERE occurred_at >= $1 GROUP BY district_id, type
        """;

    private readonly Dictionary<string, string[]> _ancestors = new(StringComparer.Ordinal);
    private long _polls;

    /// <summary>Polls answered so far, by every screen.</summary>
    public long Polls => Interlocked.Read(ref _polls);

    public async Task CreateAsync()
    {
        await using var create = data.CreateCommand("""
            DROP TABLE IF EXISTS events;
            CREATE TABLE events (
                id text PRIMARY KEY, type text NOT NULL, grid_id text NOT NULL, community_id text, street_id text, district_id text,
                occurred_at timestamptz NOT NULL, body jsonb NOT NULL);
            CREATE INDEX ix_events_occurred ON events (occurred_at);
            """);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>Events already there when the run starts (today so far), copied in bulk, then the planner's statistics.</summary>
    public async Task CopyAsync(IReadOnlyList<CityEvent> events)
    {
        await using (var connection = await data.OpenConnectionAsync())
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY events (id, type, grid_id, community_id, street_id, district_id, occurred_at, body) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in events)
            {
                var up = Ancestors(e.AreaId);
                await copy.StartRowAsync();
                await copy.WriteAsync(e.Id, NpgsqlDbType.Text);
                await copy.WriteAsync(e.Type, NpgsqlDbType.Text);
                await copy.WriteAsync(e.AreaId, NpgsqlDbType.Text);
                await copy.WriteAsync(up[0], NpgsqlDbType.Text);
                await copy.WriteAsync(up[1], NpgsqlDbType.Text);
                await copy.WriteAsync(up[2], NpgsqlDbType.Text);
                await copy.WriteAsync(e.OccurredAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(CityEventJson.Serialize(e), NpgsqlDbType.Jsonb);
            }
            await copy.CompleteAsync();
        }
        await using var analyze = data.CreateCommand("VACUUM ANALYZE events");
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>One slice of the live stream, durable when this returns (one INSERT, committed).</summary>
    public async Task InsertAsync(CityEvent[] slice)
    {
        await using var cmd = data.CreateCommand("""
            INSERT INTO events (id, type, grid_id, community_id, street_id, district_id, occurred_at, body)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::jsonb[])
            ON CONFLICT (id) DO NOTHING
            """);
        var up = slice.Select(e => Ancestors(e.AreaId)).ToArray();
        cmd.Parameters.Add(new NpgsqlParameter { Value = slice.Select(e => e.Id).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = slice.Select(e => e.Type).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = slice.Select(e => e.AreaId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = up.Select(a => a[0]).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = up.Select(a => a[1]).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = up.Select(a => a[2]).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = slice.Select(e => e.OccurredAt.UtcDateTime).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = slice.Select(CityEventJson.Serialize).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>One screen: the GROUP BY once a second (starting after <paramref name="offset"/>), today's reported cases summed from it.</summary>
    public async Task PollAsync(PacedLoad.Watcher watcher, DateTime today, TimeSpan offset, CancellationToken stop)
    {
        try
        {
            await Task.Delay(offset, stop);
            await using var connection = await data.OpenConnectionAsync(stop);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            do
            {
                await using var cmd = new NpgsqlCommand(Poll, connection);
                cmd.Parameters.Add(new NpgsqlParameter { Value = today, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                long reported = 0;
                await using (var reader = await cmd.ExecuteReaderAsync(stop))
                    while (await reader.ReadAsync(stop))
                        if (reader.GetString(1) == EventTypes.CaseReported) reported += reader.GetInt64(2);
                watcher.Saw(reported, System.Diagnostics.Stopwatch.GetTimestamp());
                Interlocked.Increment(ref _polls);
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private string[] Ancestors(string areaId) => _ancestors.TryGetValue(areaId, out var a) ? a
        : _ancestors[areaId] = [.. tree.Ancestors(areaId).Select(x => x.Id).Take(3).Concat(Enumerable.Repeat("", 3)).Take(3)];
}
