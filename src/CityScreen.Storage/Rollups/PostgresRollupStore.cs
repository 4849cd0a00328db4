using System.Globalization;
using System.Runtime.CompilerServices;
using CityScreen.Domain.Rollups;
using CityScreen.Storage.Postgres;
using Npgsql;

namespace CityScreen.Storage.Rollups;

/// <summary>
/// The rollup tables in the PostgreSQL database, the same four as <see cref="SqliteRollupStore"/>:
/// <c>daily_rollups</c>, <c>rollup_days</c>, <c>dirty_days</c> and <c>job_settings</c>.
/// </summary>
public sealed class PostgresRollupStore(string connectionString) : IRollupStore
{
    private const string CursorKey = "rollups.cursor";

    private readonly PostgresDatabase _db = new(connectionString);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _db.MigrateAsync(cancellationToken);

    public async Task<long> CursorAsync(CancellationToken cancellationToken = default) =>
        long.TryParse(await GetSettingAsync(CursorKey, cancellationToken), CultureInfo.InvariantCulture, out var seq) ? seq : 0;

    public async Task MarkDirtyAsync(IReadOnlyCollection<(string LeafId, DateOnly Date)> days, long cursor, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO dirty_days (date, leaf_id) SELECT * FROM unnest($1::date[], $2::text[]) ON CONFLICT DO NOTHING
            """, c, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = days.Select(d => d.Date).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { Value = days.Select(d => d.LeafId).ToArray() });
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        await SetAsync(c, tx, CursorKey, cursor.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(string LeafId, DateOnly Date)>> DirtyDaysAsync(DateOnly upTo, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        // COLLATE "C": the same ordinal order as SQLite's, whatever the database's collation.
        await using var cmd = new NpgsqlCommand("SELECT leaf_id, date FROM dirty_days WHERE date <= $1 ORDER BY leaf_id COLLATE \"C\", date", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = upTo });
        var list = new List<(string, DateOnly)>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) list.Add((reader.GetString(0), reader.GetFieldValue<DateOnly>(1)));
        return list;
    }

    public async Task<IReadOnlyList<DailyRollup>> SaveAsync(IReadOnlyCollection<DailyRollup> rollups, CancellationToken cancellationToken = default)
    {
        var changed = new List<DailyRollup>();
        if (rollups.Count == 0) return changed;
        // One row per leaf and day, the last given winning, as consecutive upserts would leave it.
        var list = rollups.GroupBy(r => (r.LeafId, r.Date)).Select(g => g.Last()).ToList();
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        // The update only happens when the text differs, so a returned row says something moved.
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO daily_rollups AS r (leaf_id, date, counts, sets, simulated, computed_at)
            SELECT u.leaf_id, u.date, u.counts, u.sets, u.simulated, now()
            FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::boolean[]) AS u(leaf_id, date, counts, sets, simulated)
            ON CONFLICT (leaf_id, date) DO UPDATE SET
                counts = excluded.counts, sets = excluded.sets, simulated = excluded.simulated, computed_at = excluded.computed_at
            WHERE r.counts <> excluded.counts OR r.sets <> excluded.sets OR r.simulated <> excluded.simulated
            RETURNING leaf_id, date
            """, c, tx))
        {
            upsert.Parameters.Add(new NpgsqlParameter { Value = list.Select(r => r.LeafId).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = list.Select(r => r.Date).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = list.Select(r => RollupJson.Counts(r.Counts)).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = list.Select(r => RollupJson.Sets(r.Sets)).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = list.Select(r => r.Simulated).ToArray() });
            var moved = new HashSet<(string, DateOnly)>();
            await using (var reader = await upsert.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken)) moved.Add((reader.GetString(0), reader.GetFieldValue<DateOnly>(1)));
            changed.AddRange(list.Where(r => moved.Contains((r.LeafId, r.Date))));
        }
        await using (var clear = new NpgsqlCommand("""
            DELETE FROM dirty_days d USING unnest($1::text[], $2::date[]) AS u(leaf_id, date)
            WHERE d.leaf_id = u.leaf_id AND d.date = u.date
            """, c, tx))
        {
            clear.Parameters.Add(new NpgsqlParameter { Value = list.Select(r => r.LeafId).ToArray() });
            clear.Parameters.Add(new NpgsqlParameter { Value = list.Select(r => r.Date).ToArray() });
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task MarkRolledUpAsync(IEnumerable<DateOnly> dates, bool simulated, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO rollup_days (date, simulated, computed_at) SELECT d, $2, $3 FROM unnest($1::date[]) AS d
            ON CONFLICT (date) DO UPDATE SET simulated = excluded.simulated, computed_at = excluded.computed_at
            """, c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = dates.Distinct().ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = simulated });
        cmd.Parameters.Add(new NpgsqlParameter { Value = at.UtcDateTime });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RolledUpDay>> RolledUpDaysAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT date, simulated, computed_at FROM rollup_days ORDER BY date", c);
        var list = new List<RolledUpDay>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new RolledUpDay(reader.GetFieldValue<DateOnly>(0), reader.GetBoolean(1), reader.GetFieldValue<DateTimeOffset>(2)));
        return list;
    }

    public async IAsyncEnumerable<DailyRollup> ReadAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT leaf_id, date, counts, sets, simulated FROM daily_rollups WHERE date >= $1 AND date <= $2", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = from });
        cmd.Parameters.Add(new NpgsqlParameter { Value = to });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return RollupJson.Read(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4));
    }

    public async Task<DailyRollup?> ReadAsync(string leafId, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT counts, sets, simulated FROM daily_rollups WHERE leaf_id = $1 AND date = $2", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = leafId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = date });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? RollupJson.Read(leafId, date, reader.GetString(0), reader.GetString(1), reader.GetBoolean(2))
            : null;
    }

    public async Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT value FROM job_settings WHERE key = $1", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = key });
        return await cmd.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await SetAsync(c, null, key, value, cancellationToken);
    }

    private static async Task SetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string key, string value, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO job_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", c, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = key });
        cmd.Parameters.Add(new NpgsqlParameter { Value = value });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
