using CityScreen.Domain.Index;
using CityScreen.Storage.Rollups;
using Microsoft.Data.Sqlite;
using static CityScreen.Storage.Rollups.SqliteDatabase;

namespace CityScreen.Storage.Indices;

/// <summary>
/// <c>index_history</c> (one row per date, area and model version), <c>frozen_weights</c> (one row
/// per model version, month and level) and <c>index_nights</c> in the store's SQLite file.
/// </summary>
public sealed class SqliteIndexStore(string path) : IIndexStore
{
    private const string Columns = "date, area_id, model_version, level, parent_id, value, grade, stars, rank, change, simulated, inputs, weights, explanation";

    private readonly SqliteDatabase _db = new(path);

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await ExecAsync(c, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS index_history (
                date           TEXT NOT NULL,
                area_id        TEXT NOT NULL,
                model_version  TEXT NOT NULL,
                level          TEXT NOT NULL,
                parent_id      TEXT NULL,
                value          REAL NULL,
                grade          TEXT NULL,
                stars          INTEGER NULL,
                rank           INTEGER NULL,
                change         REAL NULL,
                simulated      INTEGER NOT NULL,
                inputs         TEXT NOT NULL,
                weights        TEXT NOT NULL,
                explanation    TEXT NOT NULL,
                computed_at    INTEGER NOT NULL,
                PRIMARY KEY (date, area_id, model_version)
            );
            CREATE INDEX IF NOT EXISTS ix_index_history_area ON index_history(area_id, model_version, date);
            CREATE TABLE IF NOT EXISTS frozen_weights (
                model_version  TEXT NOT NULL,
                month          TEXT NOT NULL,
                level          TEXT NOT NULL,
                weights        TEXT NOT NULL,
                computed_at    INTEGER NOT NULL,
                PRIMARY KEY (model_version, month, level)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS index_nights (
                date           TEXT NOT NULL,
                model_version  TEXT NOT NULL,
                computations   INTEGER NOT NULL,
                computed_at    INTEGER NOT NULL,
                PRIMARY KEY (date, model_version)
            ) WITHOUT ROWID;
            """, cancellationToken);
    }

    public async Task SaveNightAsync(DateOnly date, string modelVersion, IReadOnlyCollection<IndexRecord> records, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var atMs = at.ToUnixTimeMilliseconds();
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(cancellationToken);
        await using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = $"""
                INSERT INTO index_history ({Columns}, computed_at)
                VALUES ($date, $area, $version, $level, $parent, $value, $grade, $stars, $rank, $change, $simulated, $inputs, $weights, $explanation, $at)
                ON CONFLICT (date, area_id, model_version) DO UPDATE SET
                    level = excluded.level, parent_id = excluded.parent_id, value = excluded.value, grade = excluded.grade,
                    stars = excluded.stars, rank = excluded.rank, change = excluded.change, simulated = excluded.simulated,
                    inputs = excluded.inputs, weights = excluded.weights, explanation = excluded.explanation,
                    computed_at = excluded.computed_at
                """;
            var p = new Dictionary<string, SqliteParameter>();
            foreach (var name in new[] { "area", "level", "parent", "value", "grade", "stars", "rank", "change", "simulated", "inputs", "weights", "explanation" })
                p[name] = cmd.Parameters.AddWithValue("$" + name, DBNull.Value); // typed by each value bound
            cmd.Parameters.AddWithValue("$date", Day(date));
            cmd.Parameters.AddWithValue("$version", modelVersion);
            cmd.Parameters.AddWithValue("$at", atMs);
            foreach (var r in records)
            {
                if (r.Date != date || r.ModelVersion != modelVersion)
                    throw new ArgumentException($"the index of {r.AreaId} is for {r.Date} under {r.ModelVersion}, not {date} under {modelVersion}", nameof(records));
                p["area"].Value = r.AreaId;
                p["level"].Value = r.Level;
                p["parent"].Value = Db(r.ParentId);
                p["value"].Value = Db(r.Value);
                p["grade"].Value = Db(r.Grade);
                p["stars"].Value = Db(r.Stars);
                p["rank"].Value = Db(r.Rank);
                p["change"].Value = Db(r.Change);
                p["simulated"].Value = r.Simulated ? 1 : 0;
                p["inputs"].Value = IndexJson.Write(r.Inputs);
                p["weights"].Value = IndexJson.Write(r.Weights);
                p["explanation"].Value = IndexJson.Write(r.Explanation);
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await using (var night = c.CreateCommand())
        {
            night.Transaction = tx;
            night.CommandText = """
                INSERT INTO index_nights (date, model_version, computations, computed_at) VALUES ($date, $version, 1, $at)
                ON CONFLICT (date, model_version) DO UPDATE SET computations = computations + 1, computed_at = excluded.computed_at
                """;
            night.Parameters.AddWithValue("$date", Day(date));
            night.Parameters.AddWithValue("$version", modelVersion);
            night.Parameters.AddWithValue("$at", atMs);
            await night.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<IndexNight>> NightsAsync(string modelVersion, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT date, computations, computed_at FROM index_nights WHERE model_version = $version ORDER BY date";
        cmd.Parameters.AddWithValue("$version", modelVersion);
        var list = new List<IndexNight>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new IndexNight(Day(reader.GetString(0)), modelVersion, reader.GetInt32(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        return list;
    }

    public async Task<DateOnly?> LastDateAsync(string modelVersion, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT MAX(date) FROM index_nights WHERE model_version = $version";
        cmd.Parameters.AddWithValue("$version", modelVersion);
        return await cmd.ExecuteScalarAsync(cancellationToken) is string d ? Day(d) : null;
    }

    public async Task<IReadOnlyList<IndexRecord>> ReadDateAsync(DateOnly date, string modelVersion, string? level, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM index_history WHERE date = $date AND model_version = $version AND ($level IS NULL OR level = $level) ORDER BY area_id";
        cmd.Parameters.AddWithValue("$date", Day(date));
        cmd.Parameters.AddWithValue("$version", modelVersion);
        cmd.Parameters.AddWithValue("$level", Db(level));
        return await ReadRecordsAsync(cmd, cancellationToken);
    }

    public async Task<IndexRecord?> ReadAsync(string areaId, DateOnly date, string modelVersion, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM index_history WHERE date = $date AND area_id = $area AND model_version = $version";
        cmd.Parameters.AddWithValue("$date", Day(date));
        cmd.Parameters.AddWithValue("$area", areaId);
        cmd.Parameters.AddWithValue("$version", modelVersion);
        return (await ReadRecordsAsync(cmd, cancellationToken)).FirstOrDefault();
    }

    public async Task<IReadOnlyDictionary<string, double?>> ValuesAsync(DateOnly date, string modelVersion, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT area_id, value FROM index_history WHERE date = $date AND model_version = $version";
        cmd.Parameters.AddWithValue("$date", Day(date));
        cmd.Parameters.AddWithValue("$version", modelVersion);
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            values[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetDouble(1);
        return values;
    }

    public async Task<IReadOnlyList<IndexPoint>> HistoryAsync(string areaId, string modelVersion, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT date, value, grade, stars, rank, change, simulated FROM index_history
            WHERE area_id = $area AND model_version = $version AND date >= $from AND date <= $to ORDER BY date
            """;
        cmd.Parameters.AddWithValue("$area", areaId);
        cmd.Parameters.AddWithValue("$version", modelVersion);
        cmd.Parameters.AddWithValue("$from", Day(from));
        cmd.Parameters.AddWithValue("$to", Day(to));
        var list = new List<IndexPoint>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new IndexPoint(
                Day(reader.GetString(0)),
                reader.IsDBNull(1) ? null : reader.GetDouble(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.GetInt64(6) != 0));
        return list;
    }

    public async Task<FrozenWeights?> WeightsAsync(string modelVersion, DateOnly month, string level, CancellationToken cancellationToken = default)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT weights FROM frozen_weights WHERE model_version = $version AND month = $month AND level = $level";
        cmd.Parameters.AddWithValue("$version", modelVersion);
        cmd.Parameters.AddWithValue("$month", Day(month));
        cmd.Parameters.AddWithValue("$level", level);
        return await cmd.ExecuteScalarAsync(cancellationToken) is string json ? IndexJson.Read<FrozenWeights>(json) : null;
    }

    public async Task<FrozenWeights> FreezeAsync(FrozenWeights weights, CancellationToken cancellationToken = default)
    {
        await using (var c = await _db.OpenAsync(cancellationToken))
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = """
                INSERT INTO frozen_weights (model_version, month, level, weights, computed_at) VALUES ($version, $month, $level, $weights, $at)
                ON CONFLICT DO NOTHING
                """;
            cmd.Parameters.AddWithValue("$version", weights.ModelVersion);
            cmd.Parameters.AddWithValue("$month", Day(weights.Month));
            cmd.Parameters.AddWithValue("$level", weights.Level);
            cmd.Parameters.AddWithValue("$weights", IndexJson.Write(weights));
            cmd.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        return await WeightsAsync(weights.ModelVersion, weights.Month, weights.Level, cancellationToken) ?? weights;
    }

    private static async Task<IReadOnlyList<IndexRecord>> ReadRecordsAsync(SqliteCommand cmd, CancellationToken cancellationToken)
    {
        var list = new List<IndexRecord>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new IndexRecord(
                Day(reader.GetString(0)),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetDouble(9),
                reader.GetInt64(10) != 0,
                IndexJson.Read<Dictionary<string, double>>(reader.GetString(11)),
                IndexJson.Read<FrozenWeights>(reader.GetString(12)),
                IndexJson.Read<IndexExplanation>(reader.GetString(13))));
        return list;
    }

    private static object Db<T>(T? value) => (object?)value ?? DBNull.Value;
}
