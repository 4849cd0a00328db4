using System.Diagnostics;
using System.Threading.Channels;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Simulator;
using CityScreen.Storage;
using CityScreen.Storage.Events;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CityScreen.Benchmarks;

/// <summary>
/// An embedded store holding the demo city's last <c>target / perDay</c> days, up to now, as the server would
/// have stored them: the rows its SQLite writer inserts (same columns, the body its serializer
/// writes, the case of each case step bound to its area), in the order the simulator made them, so
/// the sequences are the ones ingest would have given. Written straight into the file because the
/// ingest path would take longer than the measurement, and fast because: the simulator runs on
/// one thread while SQLite inserts on another; rows are bound through SQLite's own interface into
/// one prepared insert, 100,000 a transaction; the two secondary indexes of the events table are
/// dropped for the fill and made again from their stored definitions at the end (one sort instead
/// of a random b-tree insert per row, which made the fill of millions I/O-bound); and the page
/// cache is large enough for the unique (source, id) index that stays.
/// </summary>
public static class HistoryFill
{
    private const int RowsPerTransaction = 100_000;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    private const string InsertEvent = """
        INSERT INTO events (source, id, type, area_id, case_id, occurred_at, received_at, body)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        """;

    private const string BindCase = "INSERT OR IGNORE INTO case_areas (case_id, area_id) VALUES (?1, ?2)";

    /// <summary>Returns the events stored (about <paramref name="target"/>), the days, the leaves with events and when the newest occurred.</summary>
    public static async Task<(long Stored, int Days, int Leaves, DateTimeOffset Newest)> FillAsync(string root, string path, int target, int perDay)
    {
        var tree = AreaTreeLoader.Load(
            [new AreaFileOptions { Path = "seed-data/areas/baota-district.geojson" }, new AreaFileOptions { Path = "seed-data/areas/baota-generated.geojson" }],
            root, new Dictionary<string, string> { ["610600"] = "延安市" });
        var grids = tree.AtLevel(AreaLevel.Grid).Select(g => new SimulatedArea(
            g.Id, g.ParentId!, g.Center.Lon, g.Center.Lat, g.Profile.Households, g.Profile.MembersExpected)).ToList();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var days = Math.Max(1, (int)Math.Ceiling(target / (double)perDay));
        var now = DateTimeOffset.UtcNow;

        // The store makes the schema; the rows go in beside it.
        await using (var store = new EventStore(CityScreenDatabase.Sqlite(path))) await store.InitializeAsync();

        // A few days ahead of the writer at most: the simulator is the faster of the two.
        var made = Channel.CreateBounded<(int Day, IReadOnlyList<CityEvent> Events)>(4);
        var simulate = Task.Run(async () =>
        {
            var simulator = new CitySimulator(grids, new SimulatorOptions { Seed = 5, EventsPerSecond = perDay / 86_400.0, FollowTimeOfDay = false }, zone);
            simulator.Start(now.AddDays(-days));
            // Every day up to today, never stopping at the target: the simulator makes a few per
            // cent more than its rate (steps of cases opened the day before), and a history cut at
            // the target would end weeks before today, leaving the window a restart reads empty.
            for (var day = days - 1; day >= 0; day--)
                await made.Writer.WriteAsync((days - day, simulator.Advance(now.AddDays(-day))));
            made.Writer.Complete();
        });

        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        Execute(c, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
        var indexes = SecondaryIndexes(c);
        foreach (var (name, _) in indexes) Execute(c, $"DROP INDEX {name}");

        Check(c, raw.sqlite3_prepare_v2(c.Handle, InsertEvent, out var insert));
        Check(c, raw.sqlite3_prepare_v2(c.Handle, BindCase, out var bind));
        var stored = 0L;
        var newest = DateTimeOffset.MinValue;
        var leaves = new HashSet<string>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        var inTransaction = 0;
        Execute(c, "BEGIN");
        await foreach (var (day, events) in made.Reader.ReadAllAsync())
        {
            foreach (var e in events)
            {
                Check(c, raw.sqlite3_bind_text16(insert, 1, e.Source ?? ""));
                Check(c, raw.sqlite3_bind_text16(insert, 2, e.Id));
                Check(c, raw.sqlite3_bind_text16(insert, 3, e.Type));
                Check(c, raw.sqlite3_bind_text16(insert, 4, e.AreaId));
                Check(c, e.StepOfCase is not { } caseId ? raw.sqlite3_bind_null(insert, 5) : raw.sqlite3_bind_text16(insert, 5, caseId));
                // Received as it occurred: the server stamps its clock, which a live feed keeps close.
                Check(c, raw.sqlite3_bind_int64(insert, 6, e.OccurredAt.ToUnixTimeMilliseconds()));
                Check(c, raw.sqlite3_bind_int64(insert, 7, e.OccurredAt.ToUnixTimeMilliseconds()));
                Check(c, raw.sqlite3_bind_text(insert, 8, CityEventJson.SerializeToUtf8(e).AsSpan()));
                Step(c, insert);
                // The server binds a case to the area of its first step and refuses steps elsewhere;
                // the simulator keeps each case in one grid, so the first binding is the only one.
                if (e.StepOfCase is { } stepOf)
                {
                    Check(c, raw.sqlite3_bind_text16(bind, 1, stepOf));
                    Check(c, raw.sqlite3_bind_text16(bind, 2, e.AreaId));
                    Step(c, bind);
                }
                leaves.Add(e.AreaId);
                if (e.OccurredAt > newest) newest = e.OccurredAt;
                stored++;
                if (++inTransaction == RowsPerTransaction)
                {
                    Execute(c, "COMMIT; BEGIN");
                    inTransaction = 0;
                }
            }
            if (clock.Elapsed - lastProgress >= ProgressEvery)
            {
                lastProgress = clock.Elapsed;
                Console.WriteLine($"  fill: {stored:N0} of {target:N0} events (day {day:N0} of {days:N0}), {clock.Elapsed.TotalSeconds:F0} s");
            }
        }
        Execute(c, "COMMIT");
        await simulate;
        insert.Dispose();
        bind.Dispose();
        var inserted = clock.Elapsed;
        foreach (var (_, sql) in indexes) Execute(c, sql);
        Execute(c, "PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine($"  fill: {stored:N0} rows inserted in {inserted.TotalSeconds:F0} s, {indexes.Count} indexes made again in {(clock.Elapsed - inserted).TotalSeconds:F0} s");
        return (stored, days, leaves.Count, newest);
    }

    /// <summary>The events table's indexes that can be dropped (not its unique constraint), with their definitions.</summary>
    private static List<(string Name, string Sql)> SecondaryIndexes(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL ORDER BY name";
        using var reader = cmd.ExecuteReader();
        var indexes = new List<(string, string)>();
        while (reader.Read()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        return indexes;
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static void Step(SqliteConnection c, sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE) Check(c, rc);
    }

    private static void Check(SqliteConnection c, int rc)
    {
        if (rc != raw.SQLITE_OK) throw new InvalidOperationException($"SQLite {rc}: {raw.sqlite3_errmsg(c.Handle).utf8_to_string()}");
    }
}
