using System.Runtime.CompilerServices;
using CityScreen.Domain.Rollups;
using Microsoft.Data.Sqlite;
using static CityScreen.Storage.Rollups.SqliteDatabase;

namespace CityScreen.Storage.Rollups;

/// <summary>
/// The rollup tables in the store's SQLite file: <c>daily_rollups</c> (one row per leaf and day,
/// counts and member sets as JSON), <c>rollup_days</c> (days complete for every leaf),
/// <c>dirty_days</c> (leaf days to recompute) and <c>job_settings</c> (the event cursor and other
/// small values).
/// </summary>
public sealed class SqliteRollupStore(string path) : IRollupStore
{
    private const string CursorKey = "rollups.cursor";

    private readonly SqliteDatabase _db = new(path);

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await ExecAsync(c, """
            PRAGMA journal_mode=WAL;
            -- A rowid table: rows of a kilobyte would spill into half-empty overflow pages
            -- in a WITHOUT ROWID one.
            CREATE TABLE IF NOT EXISTS daily_rollups (
                leaf_id      TEXT NOT NULL,
                date         TEXT NOT NULL,
                counts       TEXT NOT NULL,
                sets         TEXT NOT NULL,
                simulated    INTEGER NOT NULL,
                computed_at  INTEGER NOT NULL,
                UNIQUE (leaf_id, date)
            );
            CREATE INDEX IF NOT EXISTS ix_daily_rollups_date ON daily_rollups(date);
            CREATE TABLE IF NOT EXISTS rollup_days (
                date         TEXT PRIMARY KEY,
                simulated    INTEGER NOT NULL,
                computed_at  INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS dirty_days (
                date         TEXT NOT NULL,
                leaf_id      TEXT NOT NULL,
                PRIMARY KEY (date, leaf_id)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS job_settings (
                key          TEXT PRIMARY KEY,
                value        TEXT NOT NULL
            ) WITHOUT ROWID;
            """, cancellationToken);
    }

    public async Task<long> CursorAsync(CancellationToken cancellationToken = default) =>
        long.TryParse(await GetSettingAsync(CursorKey, cancellationToken), out var seq) ? seq : 0;

    public async Task MarkDirtyAsync(IReadOnlyCollection<(string LeafId, DateOnly Date)> days, long cursor, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(cancellationToken);
        await using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO dirty_days (date, leaf_id) VALUES ($date, $leaf) ON CONFLICT DO NOTHING";
            var date = cmd.Parameters.Add("$date", SqliteType.Text);
            var leaf = cmd.Parameters.Add("$leaf", SqliteType.Text);
            foreach (var (leafId, day) in days)
            {
                date.Value = Day(day);
                leaf.Value = leafId;
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await SetAsync(c, tx, CursorKey, cursor.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(string LeafId, DateOnly Date)>> DirtyDaysAsync(DateOnly upTo, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT leaf_id, date FROM dirty_days WHERE date <= $upTo ORDER BY leaf_id, date";
        cmd.Parameters.AddWithValue("$upTo", Day(upTo));
        var list = new List<(string, DateOnly)>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) list.Add((reader.GetString(0), Day(reader.GetString(1))));
        return list;
    }

    public async Task<IReadOnlyList<DailyRollup>> SaveAsync(IReadOnlyCollection<DailyRollup> rollups, CancellationToken cancellationToken = default)
    {
        var changed = new List<DailyRollup>();
        if (rollups.Count == 0) return changed;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(cancellationToken);
        await using var upsert = c.CreateCommand();
        upsert.Transaction = tx;
        // The update only happens when the text differs, so a returned row says something moved.
        upsert.CommandText = """
            INSERT INTO daily_rollups (leaf_id, date, counts, sets, simulated, computed_at)
            VALUES ($leaf, $date, $counts, $sets, $simulated, $at)
            ON CONFLICT (leaf_id, date) DO UPDATE SET
                counts = excluded.counts, sets = excluded.sets, simulated = excluded.simulated, computed_at = excluded.computed_at
            WHERE counts <> excluded.counts OR sets <> excluded.sets OR simulated <> excluded.simulated
            RETURNING 1
            """;
        var leaf = upsert.Parameters.Add("$leaf", SqliteType.Text);
        var date = upsert.Parameters.Add("$date", SqliteType.Text);
        var counts = upsert.Parameters.Add("$counts", SqliteType.Text);
        var sets = upsert.Parameters.Add("$sets", SqliteType.Text);
        var simulated = upsert.Parameters.Add("$simulated", SqliteType.Integer);
        upsert.Parameters.AddWithValue("$at", now);
        await using var clear = c.CreateCommand();
        clear.Transaction = tx;
        clear.CommandText = "DELETE FROM dirty_days WHERE date = $date AND leaf_id = $leaf";
        var clearDate = clear.Parameters.Add("$date", SqliteType.Text);
        var clearLeaf = clear.Parameters.Add("$leaf", SqliteType.Text);

        foreach (var r in rollups)
        {
            leaf.Value = clearLeaf.Value = r.LeafId;
            date.Value = clearDate.Value = Day(r.Date);
            counts.Value = RollupJson.Counts(r.Counts);
            sets.Value = RollupJson.Sets(r.Sets);
            simulated.Value = r.Simulated ? 1 : 0;
            if (await upsert.ExecuteScalarAsync(cancellationToken) is not null) changed.Add(r);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task MarkRolledUpAsync(IEnumerable<DateOnly> dates, bool simulated, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO rollup_days (date, simulated, computed_at) VALUES ($date, $simulated, $at)
            ON CONFLICT (date) DO UPDATE SET simulated = excluded.simulated, computed_at = excluded.computed_at
            """;
        var date = cmd.Parameters.Add("$date", SqliteType.Text);
        cmd.Parameters.AddWithValue("$simulated", simulated ? 1 : 0);
        cmd.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        foreach (var d in dates)
        {
            date.Value = Day(d);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RolledUpDay>> RolledUpDaysAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT date, simulated, computed_at FROM rollup_days ORDER BY date";
        var list = new List<RolledUpDay>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new RolledUpDay(Day(reader.GetString(0)), reader.GetInt64(1) != 0, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        return list;
    }

    public async IAsyncEnumerable<DailyRollup> ReadAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT leaf_id, date, counts, sets, simulated FROM daily_rollups WHERE date >= $from AND date <= $to";
        cmd.Parameters.AddWithValue("$from", Day(from));
        cmd.Parameters.AddWithValue("$to", Day(to));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return RollupJson.Read(reader.GetString(0), Day(reader.GetString(1)), reader.GetString(2), reader.GetString(3), reader.GetInt64(4) != 0);
    }

    public async Task<DailyRollup?> ReadAsync(string leafId, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT counts, sets, simulated FROM daily_rollups WHERE leaf_id = $leaf AND date = $date";
        cmd.Parameters.AddWithValue("$leaf", leafId);
        cmd.Parameters.AddWithValue("$date", Day(date));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? RollupJson.Read(leafId, date, reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0)
            : null;
    }

    public async Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value FROM job_settings WHERE key = $key";
        cmd.Parameters.AddWithValue("$key", key);
        return await cmd.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(cancellationToken);
        await SetAsync(c, tx, key, value, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private static async Task SetAsync(SqliteConnection c, SqliteTransaction tx, string key, string value, CancellationToken cancellationToken)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO job_settings (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        cmd.Parameters.AddWithValue("$key", key);
        cmd.Parameters.AddWithValue("$value", value);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
