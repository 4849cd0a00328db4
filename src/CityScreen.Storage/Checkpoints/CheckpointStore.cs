using System.Globalization;
using System.Text;
using CityScreen.Storage.Sql;

namespace CityScreen.Storage.Checkpoints;

/// <summary>
/// Checkpoints as one row per leaf. Lists of sequences are text, each number the difference from
/// the one before (they ascend, and a leaf's are close together), so a row stays a few kilobytes.
/// </summary>
public sealed class CheckpointStore(CityScreenDatabase database) : ICheckpointStore
{
    private readonly SqlDialect _db = SqlDialect.For(database);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _db.MigrateAsync(cancellationToken);

    public Task<GridCheckpoint?> ReadAsync(string areaId, CancellationToken cancellationToken = default) =>
        _db.QueryFirstAsync("SELECT area_id, covers_seq, tail_from, applied, retained, taken_at FROM grid_checkpoints WHERE area_id = $1",
            r => new GridCheckpoint(r.GetString(0), r.GetInt64(1), r.GetInt64(2), Decode(r.GetString(3)), Decode(r.GetString(4)), _db.ReadTime(r, 5)),
            cancellationToken, areaId);

    public async Task SaveAsync(GridCheckpoint checkpoint, CancellationToken cancellationToken = default) =>
        await _db.ExecuteAsync("""
            INSERT INTO grid_checkpoints (area_id, covers_seq, tail_from, applied, retained, taken_at) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (area_id) DO UPDATE SET covers_seq = excluded.covers_seq, tail_from = excluded.tail_from,
                applied = excluded.applied, retained = excluded.retained, taken_at = excluded.taken_at
            """, cancellationToken, checkpoint.AreaId, checkpoint.CoversSeq, checkpoint.TailFrom,
            Encode(checkpoint.Applied), Encode(checkpoint.Retained), checkpoint.TakenAt);

    public async Task ClearAsync(CancellationToken cancellationToken = default) =>
        await _db.ExecuteAsync("DELETE FROM grid_checkpoints", cancellationToken);

    public async Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        (int)(await _db.QueryAsync("SELECT count(*) FROM grid_checkpoints", r => r.GetInt64(0), cancellationToken))[0];

    private static string Encode(IReadOnlyList<long> ascending)
    {
        var text = new StringBuilder(ascending.Count * 3);
        var previous = 0L;
        foreach (var seq in ascending)
        {
            if (seq <= previous) throw new ArgumentException("sequences must ascend", nameof(ascending));
            if (text.Length > 0) text.Append(',');
            text.Append((seq - previous).ToString(CultureInfo.InvariantCulture));
            previous = seq;
        }
        return text.ToString();
    }

    private static long[] Decode(string text)
    {
        if (text.Length == 0) return [];
        var parts = text.Split(',');
        var seqs = new long[parts.Length];
        var previous = 0L;
        for (var i = 0; i < parts.Length; i++) seqs[i] = previous += long.Parse(parts[i], CultureInfo.InvariantCulture);
        return seqs;
    }
}
