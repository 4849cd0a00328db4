using System.Data.Common;
using CityScreen.Domain.Index;
using CityScreen.Storage.Sql;

namespace CityScreen.Storage.Indices;

/// <summary>
/// <c>index_history</c> (one row per date, area and model version), <c>frozen_weights</c> (one row
/// per model version, month and level) and <c>index_nights</c>.
/// </summary>
public sealed class IndexStore(CityScreenDatabase database) : IIndexStore
{
    private const string Columns = "date, area_id, model_version, level, parent_id, value, grade, stars, rank, change, simulated, inputs, weights, explanation";

    private readonly SqlDialect _db = SqlDialect.For(database);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _db.MigrateAsync(cancellationToken);

    public async Task SaveNightAsync(DateOnly date, string modelVersion, IReadOnlyCollection<IndexRecord> records, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        foreach (var r in records)
            if (r.Date != date || r.ModelVersion != modelVersion)
                throw new ArgumentException($"the index of {r.AreaId} is for {r.Date} under {r.ModelVersion}, not {date} under {modelVersion}", nameof(records));
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await _db.ExecuteEachAsync(c, tx, $"""
            INSERT INTO index_history ({Columns}, computed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            ON CONFLICT (date, area_id, model_version) DO UPDATE SET
                level = excluded.level, parent_id = excluded.parent_id, value = excluded.value, grade = excluded.grade,
                stars = excluded.stars, rank = excluded.rank, change = excluded.change, simulated = excluded.simulated,
                inputs = excluded.inputs, weights = excluded.weights, explanation = excluded.explanation,
                computed_at = excluded.computed_at
            """, records.Select(r => new object?[]
            {
                date, r.AreaId, modelVersion, r.Level, r.ParentId, r.Value, r.Grade, r.Stars, r.Rank, r.Change, r.Simulated,
                IndexJson.Write(r.Inputs), IndexJson.Write(r.Weights), IndexJson.Write(r.Explanation), at,
            }).ToList(), cancellationToken);
        await _db.ExecuteAsync(c, tx, """
            INSERT INTO index_nights AS n (date, model_version, computations, computed_at) VALUES ($1, $2, 1, $3)
            ON CONFLICT (date, model_version) DO UPDATE SET computations = n.computations + 1, computed_at = excluded.computed_at
            """, cancellationToken, date, modelVersion, at);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<IndexNight>> NightsAsync(string modelVersion, CancellationToken cancellationToken = default) =>
        await _db.QueryAsync("SELECT date, computations, computed_at FROM index_nights WHERE model_version = $1 ORDER BY date",
            r => new IndexNight(r.GetFieldValue<DateOnly>(0), modelVersion, r.GetInt32(1), _db.ReadTime(r, 2)), cancellationToken, modelVersion);

    public async Task<DateOnly?> LastDateAsync(string modelVersion, CancellationToken cancellationToken = default) =>
        (await _db.QueryAsync("SELECT max(date) FROM index_nights WHERE model_version = $1",
            r => r.IsDBNull(0) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(0), cancellationToken, modelVersion))[0];

    public async Task<IReadOnlyList<IndexRecord>> ReadDateAsync(
        DateOnly date, string modelVersion, string? level, CancellationToken cancellationToken = default, IReadOnlyCollection<string>? areaIds = null)
    {
        List<object?> args = [date, modelVersion];
        var where = "date = $1 AND model_version = $2";
        if (level is not null)
        {
            args.Add(level);
            where += $" AND level = ${args.Count}";
        }
        if (areaIds is not null)
        {
            args.Add(_db.Members(areaIds));
            where += " AND " + _db.IsIn("area_id", $"${args.Count}");
        }
        return await _db.QueryAsync($"SELECT {Columns} FROM index_history WHERE {where} ORDER BY area_id{_db.Ordinal}", ReadRecord, cancellationToken, [.. args]);
    }

    public Task<IndexRecord?> ReadAsync(string areaId, DateOnly date, string modelVersion, CancellationToken cancellationToken = default) =>
        _db.QueryFirstAsync<IndexRecord?>($"SELECT {Columns} FROM index_history WHERE date = $1 AND area_id = $2 AND model_version = $3",
            ReadRecord, cancellationToken, date, areaId, modelVersion);

    public async Task<IReadOnlyDictionary<string, double?>> ValuesAsync(DateOnly date, string modelVersion, CancellationToken cancellationToken = default) =>
        (await _db.QueryAsync("SELECT area_id, value FROM index_history WHERE date = $1 AND model_version = $2",
            r => (Area: r.GetString(0), Value: r.IsDBNull(1) ? (double?)null : r.GetDouble(1)), cancellationToken, date, modelVersion))
        .ToDictionary(r => r.Area, r => r.Value, StringComparer.Ordinal);

    public async Task<IReadOnlyList<IndexPoint>> HistoryAsync(string areaId, string modelVersion, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        await _db.QueryAsync("""
            SELECT date, value, grade, stars, rank, change, simulated FROM index_history
            WHERE area_id = $1 AND model_version = $2 AND date >= $3 AND date <= $4 ORDER BY date
            """, r => new IndexPoint(r.GetFieldValue<DateOnly>(0), r.GetDoubleOrNull(1), r.GetStringOrNull(2), r.GetInt32OrNull(3), r.GetInt32OrNull(4), r.GetDoubleOrNull(5), r.GetBoolean(6)),
            cancellationToken, areaId, modelVersion, from, to);

    public Task<FrozenWeights?> WeightsAsync(string modelVersion, DateOnly month, string level, CancellationToken cancellationToken = default) =>
        _db.QueryFirstAsync<FrozenWeights?>("SELECT weights FROM frozen_weights WHERE model_version = $1 AND month = $2 AND level = $3",
            r => IndexJson.Read<FrozenWeights>(r.GetString(0)), cancellationToken, modelVersion, month, level);

    public async Task<FrozenWeights> FreezeAsync(FrozenWeights weights, CancellationToken cancellationToken = default)
    {
        await _db.ExecuteAsync("""
            INSERT INTO frozen_weights (model_version, month, level, weights, computed_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT DO NOTHING
            """, cancellationToken, weights.ModelVersion, weights.Month, weights.Level, IndexJson.Write(weights), DateTimeOffset.UtcNow);
        return await WeightsAsync(weights.ModelVersion, weights.Month, weights.Level, cancellationToken) ?? weights;
    }

    private static IndexRecord ReadRecord(DbDataReader r) => new(
        r.GetFieldValue<DateOnly>(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetStringOrNull(4), r.GetDoubleOrNull(5), r.GetStringOrNull(6), r.GetInt32OrNull(7), r.GetInt32OrNull(8),
        r.GetDoubleOrNull(9), r.GetBoolean(10),
        IndexJson.Read<Dictionary<string, double>>(r.GetString(11)),
        IndexJson.Read<FrozenWeights>(r.GetString(12)),
        IndexJson.Read<IndexExplanation>(r.GetString(13)));
}
