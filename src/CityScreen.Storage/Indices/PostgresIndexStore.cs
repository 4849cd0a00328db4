using CityScreen.Domain.Index;
using CityScreen.Storage.Postgres;
using Npgsql;

namespace CityScreen.Storage.Indices;

/// <summary>
/// <c>index_history</c>, <c>frozen_weights</c> and <c>index_nights</c> in the PostgreSQL database,
/// with the behaviour of <see cref="SqliteIndexStore"/>.
/// </summary>
public sealed class PostgresIndexStore(string connectionString) : IIndexStore
{
    private const string Columns = "date, area_id, model_version, level, parent_id, value, grade, stars, rank, change, simulated, inputs, weights, explanation";

    private readonly PostgresDatabase _db = new(connectionString);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _db.MigrateAsync(cancellationToken);

    public async Task SaveNightAsync(DateOnly date, string modelVersion, IReadOnlyCollection<IndexRecord> records, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        foreach (var r in records)
            if (r.Date != date || r.ModelVersion != modelVersion)
                throw new ArgumentException($"the index of {r.AreaId} is for {r.Date} under {r.ModelVersion}, not {date} under {modelVersion}", nameof(records));
        var rows = records.GroupBy(r => r.AreaId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await using (var cmd = new NpgsqlCommand($"""
            INSERT INTO index_history ({Columns}, computed_at)
            SELECT $1, u.area_id, $2, u.level, u.parent_id, u.value, u.grade, u.stars, u.rank, u.change, u.simulated, u.inputs, u.weights, u.explanation, $3
            FROM unnest($4::text[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::int[], $10::int[], $11::float8[], $12::boolean[], $13::text[], $14::text[], $15::text[])
                 AS u(area_id, level, parent_id, value, grade, stars, rank, change, simulated, inputs, weights, explanation)
            ON CONFLICT (date, area_id, model_version) DO UPDATE SET
                level = excluded.level, parent_id = excluded.parent_id, value = excluded.value, grade = excluded.grade,
                stars = excluded.stars, rank = excluded.rank, change = excluded.change, simulated = excluded.simulated,
                inputs = excluded.inputs, weights = excluded.weights, explanation = excluded.explanation,
                computed_at = excluded.computed_at
            """, c, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = date });
            cmd.Parameters.Add(new NpgsqlParameter { Value = modelVersion });
            cmd.Parameters.Add(new NpgsqlParameter { Value = at.UtcDateTime });
            cmd.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.AreaId).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Level).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.ParentId).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Value).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Grade).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Stars).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Rank).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Change).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Simulated).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => IndexJson.Write(r.Inputs)).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => IndexJson.Write(r.Weights)).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => IndexJson.Write(r.Explanation)).ToArray() });
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var night = new NpgsqlCommand("""
            INSERT INTO index_nights AS n (date, model_version, computations, computed_at) VALUES ($1, $2, 1, $3)
            ON CONFLICT (date, model_version) DO UPDATE SET computations = n.computations + 1, computed_at = excluded.computed_at
            """, c, tx))
        {
            night.Parameters.Add(new NpgsqlParameter { Value = date });
            night.Parameters.Add(new NpgsqlParameter { Value = modelVersion });
            night.Parameters.Add(new NpgsqlParameter { Value = at.UtcDateTime });
            await night.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<IndexNight>> NightsAsync(string modelVersion, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT date, computations, computed_at FROM index_nights WHERE model_version = $1 ORDER BY date", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = modelVersion });
        var list = new List<IndexNight>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new IndexNight(reader.GetFieldValue<DateOnly>(0), modelVersion, reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2)));
        return list;
    }

    public async Task<DateOnly?> LastDateAsync(string modelVersion, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT max(date) FROM index_nights WHERE model_version = $1", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = modelVersion });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.IsDBNull(0) ? null : reader.GetFieldValue<DateOnly>(0);
    }

    public async Task<IReadOnlyList<IndexRecord>> ReadDateAsync(DateOnly date, string modelVersion, string? level, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(
            $"SELECT {Columns} FROM index_history WHERE date = $1 AND model_version = $2 AND ($3::text IS NULL OR level = $3) ORDER BY area_id COLLATE \"C\"", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = date });
        cmd.Parameters.Add(new NpgsqlParameter { Value = modelVersion });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)level ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return await ReadRecordsAsync(cmd, cancellationToken);
    }

    public async Task<IndexRecord?> ReadAsync(string areaId, DateOnly date, string modelVersion, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand($"SELECT {Columns} FROM index_history WHERE date = $1 AND area_id = $2 AND model_version = $3", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = date });
        cmd.Parameters.Add(new NpgsqlParameter { Value = areaId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = modelVersion });
        return (await ReadRecordsAsync(cmd, cancellationToken)).FirstOrDefault();
    }

    public async Task<IReadOnlyDictionary<string, double?>> ValuesAsync(DateOnly date, string modelVersion, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT area_id, value FROM index_history WHERE date = $1 AND model_version = $2", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = date });
        cmd.Parameters.Add(new NpgsqlParameter { Value = modelVersion });
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            values[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetDouble(1);
        return values;
    }

    public async Task<IReadOnlyList<IndexPoint>> HistoryAsync(string areaId, string modelVersion, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("""
            SELECT date, value, grade, stars, rank, change, simulated FROM index_history
            WHERE area_id = $1 AND model_version = $2 AND date >= $3 AND date <= $4 ORDER BY date
            """, c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = areaId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = modelVersion });
        cmd.Parameters.Add(new NpgsqlParameter { Value = from });
        cmd.Parameters.Add(new NpgsqlParameter { Value = to });
        var list = new List<IndexPoint>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new IndexPoint(
                reader.GetFieldValue<DateOnly>(0),
                reader.IsDBNull(1) ? null : reader.GetDouble(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.GetBoolean(6)));
        return list;
    }

    public async Task<FrozenWeights?> WeightsAsync(string modelVersion, DateOnly month, string level, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT weights FROM frozen_weights WHERE model_version = $1 AND month = $2 AND level = $3", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = modelVersion });
        cmd.Parameters.Add(new NpgsqlParameter { Value = month });
        cmd.Parameters.Add(new NpgsqlParameter { Value = level });
        return await cmd.ExecuteScalarAsync(cancellationToken) is string json ? IndexJson.Read<FrozenWeights>(json) : null;
    }

    public async Task<FrozenWeights> FreezeAsync(FrozenWeights weights, CancellationToken cancellationToken = default)
    {
        await using (var c = await _db.OpenAsync(cancellationToken))
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO frozen_weights (model_version, month, level, weights, computed_at) VALUES ($1, $2, $3, $4, now())
            ON CONFLICT DO NOTHING
            """, c))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = weights.ModelVersion });
            cmd.Parameters.Add(new NpgsqlParameter { Value = weights.Month });
            cmd.Parameters.Add(new NpgsqlParameter { Value = weights.Level });
            cmd.Parameters.Add(new NpgsqlParameter { Value = IndexJson.Write(weights) });
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        return await WeightsAsync(weights.ModelVersion, weights.Month, weights.Level, cancellationToken) ?? weights;
    }

    private static async Task<IReadOnlyList<IndexRecord>> ReadRecordsAsync(NpgsqlCommand cmd, CancellationToken cancellationToken)
    {
        var list = new List<IndexRecord>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new IndexRecord(
                reader.GetFieldValue<DateOnly>(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetDouble(9),
                reader.GetBoolean(10),
                IndexJson.Read<Dictionary<string, double>>(reader.GetString(11)),
                IndexJson.Read<FrozenWeights>(reader.GetString(12)),
                IndexJson.Read<IndexExplanation>(reader.GetString(13))));
        return list;
    }
}
