using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using CityScreen.Domain.Rollups;
using CityScreen.Storage.Sql;

namespace CityScreen.Storage.Rollups;

/// <summary>
/// The rollup tables: <c>daily_rollups</c> (one row per leaf and day, counts and member sets as
/// JSON), <c>rollup_days</c> (days complete for every leaf), <c>dirty_days</c> (leaf days to
/// recompute) and <c>job_settings</c> (the event cursor and other small values).
/// </summary>
public sealed class RollupStore(CityScreenDatabase database) : IRollupStore
{
    private const string CursorKey = "rollups.cursor";

    private const string SetSetting = "INSERT INTO job_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value";

    private readonly SqlDialect _db = SqlDialect.For(database);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _db.MigrateAsync(cancellationToken);

    public async Task<long> CursorAsync(CancellationToken cancellationToken = default) =>
        long.TryParse(await GetSettingAsync(CursorKey, cancellationToken), CultureInfo.InvariantCulture, out var seq) ? seq : 0;

    public Task MarkDirtyAsync(IReadOnlyCollection<(string LeafId, DateOnly Date)> days, long cursor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async (c, tx) =>
        {
            await _db.ExecuteEachAsync(c, tx, "INSERT INTO dirty_days (date, leaf_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                days.Select(d => new object?[] { d.Date, d.LeafId }).ToList(), cancellationToken);
            await _db.ExecuteAsync(c, tx, SetSetting, cancellationToken, CursorKey, cursor.ToString(CultureInfo.InvariantCulture));
        }, cancellationToken);

    public async Task<IReadOnlyList<(string LeafId, DateOnly Date)>> DirtyDaysAsync(DateOnly upTo, CancellationToken cancellationToken = default) =>
        await _db.QueryAsync($"SELECT leaf_id, date FROM dirty_days WHERE date <= $1 ORDER BY leaf_id{_db.Ordinal}, date",
            r => (r.GetString(0), r.GetFieldValue<DateOnly>(1)), cancellationToken, upTo);

    public async Task<IReadOnlyList<DailyRollup>> SaveAsync(IReadOnlyCollection<DailyRollup> rollups, CancellationToken cancellationToken = default)
    {
        if (rollups.Count == 0) return [];
        var list = rollups.ToList();
        var now = DateTimeOffset.UtcNow;
        var changed = new List<DailyRollup>();
        await InTransactionAsync(async (c, tx) =>
        {
            // The update only happens when the text differs, so a changed row says something moved.
            var moved = await _db.ExecuteEachAsync(c, tx, """
                INSERT INTO daily_rollups AS r (leaf_id, date, counts, sets, simulated, computed_at) VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (leaf_id, date) DO UPDATE SET
                    counts = excluded.counts, sets = excluded.sets, simulated = excluded.simulated, computed_at = excluded.computed_at
                WHERE r.counts <> excluded.counts OR r.sets <> excluded.sets OR r.simulated <> excluded.simulated
                """, list.Select(r => new object?[] { r.LeafId, r.Date, RollupJson.Counts(r.Counts), RollupJson.Sets(r.Sets), r.Simulated, now }).ToList(),
                cancellationToken);
            changed.AddRange(list.Where((_, i) => moved[i] > 0));
            await _db.ExecuteEachAsync(c, tx, "DELETE FROM dirty_days WHERE date = $1 AND leaf_id = $2",
                list.Select(r => new object?[] { r.Date, r.LeafId }).ToList(), cancellationToken);
        }, cancellationToken);
        return changed;
    }

    public Task MarkRolledUpAsync(IEnumerable<DateOnly> dates, bool simulated, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        InTransactionAsync((c, tx) => _db.ExecuteEachAsync(c, tx, """
            INSERT INTO rollup_days (date, simulated, computed_at) VALUES ($1, $2, $3)
            ON CONFLICT (date) DO UPDATE SET simulated = excluded.simulated, computed_at = excluded.computed_at
            """, dates.Distinct().Select(d => new object?[] { d, simulated, at }).ToList(), cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<RolledUpDay>> RolledUpDaysAsync(CancellationToken cancellationToken = default) =>
        await _db.QueryAsync("SELECT date, simulated, computed_at FROM rollup_days ORDER BY date",
            r => new RolledUpDay(r.GetFieldValue<DateOnly>(0), r.GetBoolean(1), _db.ReadTime(r, 2)), cancellationToken);

    public async IAsyncEnumerable<DailyRollup> ReadAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = _db.Command(c, null, "SELECT leaf_id, date, counts, sets, simulated FROM daily_rollups WHERE date >= $1 AND date <= $2", from, to);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
            yield return RollupJson.Read(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetString(3), r.GetBoolean(4));
    }

    public Task<DailyRollup?> ReadAsync(string leafId, DateOnly date, CancellationToken cancellationToken = default) =>
        _db.QueryFirstAsync<DailyRollup?>("SELECT counts, sets, simulated FROM daily_rollups WHERE leaf_id = $1 AND date = $2",
            r => RollupJson.Read(leafId, date, r.GetString(0), r.GetString(1), r.GetBoolean(2)), cancellationToken, leafId, date);

    public Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default) =>
        _db.QueryFirstAsync<string?>("SELECT value FROM job_settings WHERE key = $1", r => r.GetString(0), cancellationToken, key);

    public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default) =>
        _db.ExecuteAsync(SetSetting, cancellationToken, key, value);

    /// <summary>Writes that must happen together: after a crash either all happened or none.</summary>
    private async Task InTransactionAsync(Func<DbConnection, DbTransaction, Task> write, CancellationToken cancellationToken)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await write(c, tx);
        await tx.CommitAsync(cancellationToken);
    }
}
