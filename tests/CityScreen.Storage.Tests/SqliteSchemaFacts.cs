using CityScreen.Contracts.Events;
using CityScreen.Storage.Events;
using CityScreen.Storage.Indices;
using CityScreen.Storage.Rollups;
using CityScreen.Storage.Security;
using Microsoft.Data.Sqlite;

namespace CityScreen.Storage.Tests;

/// <summary>The SQLite file's numbered schema: files from before the numbering upgrade in place, newer ones are refused.</summary>
public sealed class SqliteSchemaFacts : IDisposable
{
    /// <summary>The schema of this build (the last step of the SQLite migrations).</summary>
    private const int CurrentVersion = 4;

    /// <summary>
    /// The tables as the four SQLite stores created them before the schema was numbered (each its
    /// own CREATE TABLE IF NOT EXISTS at start, no <c>user_version</c>).
    /// </summary>
    private const string UnnumberedSchema = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS events (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            id           TEXT NOT NULL UNIQUE,
            type         TEXT NOT NULL,
            area_id      TEXT NOT NULL,
            case_id      TEXT NULL,
            occurred_at  INTEGER NOT NULL,
            received_at  INTEGER NOT NULL,
            body         TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_events_area ON events(area_id, seq);
        CREATE INDEX IF NOT EXISTS ix_events_case ON events(case_id) WHERE case_id IS NOT NULL;
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
        CREATE TABLE IF NOT EXISTS accounts (
            name           TEXT PRIMARY KEY,
            role           TEXT NOT NULL,
            area_id        TEXT NULL,
            password_hash  TEXT NOT NULL,
            created_at     INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS access_tokens (
            id             TEXT PRIMARY KEY,
            kind           TEXT NOT NULL,
            name           TEXT NOT NULL,
            role           TEXT NOT NULL,
            area_id        TEXT NULL,
            secret_hash    TEXT NOT NULL UNIQUE,
            created_at     INTEGER NOT NULL,
            expires_at     INTEGER NULL,
            revoked_at     INTEGER NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS ingest_keys (
            id             TEXT PRIMARY KEY,
            source         TEXT NOT NULL,
            area_ids       TEXT NOT NULL,
            secret_hash    TEXT NOT NULL UNIQUE,
            created_at     INTEGER NOT NULL,
            revoked_at     INTEGER NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS audit_log (
            id             INTEGER PRIMARY KEY AUTOINCREMENT,
            at             INTEGER NOT NULL,
            actor          TEXT NOT NULL,
            action         TEXT NOT NULL,
            detail         TEXT NOT NULL
        );
        """;

    private static readonly DateTimeOffset At = new(2026, 11, 2, 8, 30, 0, TimeSpan.Zero);

    private readonly TempDatabase _db = new();

    private CityScreenDatabase Database => CityScreenDatabase.Sqlite(_db.Path);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_file_from_before_the_numbered_schema_keeps_its_rows_and_takes_the_current_version()
    {
        var checkin = new CityEvent
        {
            Id = "old-1", Type = EventTypes.MemberCheckin, OccurredAt = At, GridId = "g1", Source = "test", MemberId = "m1", UnitId = "u1",
        };
        var ms = At.ToUnixTimeMilliseconds();
        await ExecAsync(UnnumberedSchema);
        await ExecAsync($$"""
            INSERT INTO events (id, type, area_id, case_id, occurred_at, received_at, body)
                VALUES ('old-1', 'member.checkin', 'g1', NULL, {{ms}}, {{ms}}, '{{CityEventJson.Serialize(checkin)}}');
            INSERT INTO daily_rollups (leaf_id, date, counts, sets, simulated, computed_at)
                VALUES ('g1', '2026-11-02', '{"dueClose":3}', '{"membersCheckedIn":["m1"]}', 0, {{ms}});
            INSERT INTO job_settings (key, value) VALUES ('rollups.cursor', '1');
            INSERT INTO index_nights (date, model_version, computations, computed_at) VALUES ('2026-11-02', 'v1', 2, {{ms}});
            INSERT INTO accounts (name, role, area_id, password_hash, created_at) VALUES ('ops', 'admin', NULL, 'hash', {{ms}});
            INSERT INTO ingest_keys (id, source, area_ids, secret_hash, created_at, revoked_at) VALUES ('k1', 'hotline', 's1,s2', 'khash', {{ms}}, NULL);
            """);
        Assert.Equal(0L, await ScalarAsync("PRAGMA user_version"));

        await using var events = new EventStore(Database);
        await events.InitializeAsync();
        var rollups = new RollupStore(Database);
        await rollups.InitializeAsync();
        var indices = new IndexStore(Database);
        await indices.InitializeAsync();
        var security = new SecurityStore(Database);
        await security.InitializeAsync();

        Assert.Equal((long)CurrentVersion, await ScalarAsync("PRAGMA user_version"));
        var stored = Assert.Single(await events.ReadAreaAsync("g1"));
        Assert.Equal(("old-1", 1L, "m1"), (stored.Id, stored.Seq, stored.MemberId));
        Assert.Equal(2, (await events.AppendAsync([checkin with { Id = "new-1" }])).Stored[0].Seq);
        Assert.Equal(3, (await rollups.ReadAsync("g1", new DateOnly(2026, 11, 2)))!.Count("dueClose"));
        Assert.Equal(1, await rollups.CursorAsync());
        Assert.Equal(2, Assert.Single(await indices.NightsAsync("v1")).Computations);
        Assert.Equal(At, (await security.FindAccountAsync("ops"))!.CreatedAt);
        Assert.Equal(["s1", "s2"], (await security.FindIngestKeyBySecretHashAsync("khash"))!.AreaIds);
    }

    [Fact]
    public async Task Upgrading_keeps_every_event_makes_ids_unique_per_source_and_binds_each_case_to_its_first_area()
    {
        var first = new CityEvent
        {
            Id = "step-1", Type = EventTypes.CaseResolved, OccurredAt = At, GridId = "g1", Source = "hotline", CaseId = "AJ-1",
        };
        var later = first with { Id = "step-2", GridId = "g2" };
        var ms = At.ToUnixTimeMilliseconds();
        await ExecAsync(UnnumberedSchema);
        await ExecAsync($$"""
            INSERT INTO events (id, type, area_id, case_id, occurred_at, received_at, body)
                VALUES ('step-1', 'case.resolved', 'g1', 'AJ-1', {{ms}}, {{ms}}, '{{CityEventJson.Serialize(first)}}'),
                       ('step-2', 'case.resolved', 'g2', 'AJ-1', {{ms}}, {{ms}}, '{{CityEventJson.Serialize(later)}}');
            """);

        await using var events = new EventStore(Database);
        await events.InitializeAsync();

        Assert.Equal(["step-1"], (await events.ReadAreaAsync("g1")).Select(e => e.Id));
        Assert.Equal([2L], (await events.ReadAreaAsync("g2")).Select(e => e.Seq));
        Assert.Equal("g1", (await events.FindCaseAreasAsync(["AJ-1"]))["AJ-1"]);
        Assert.Equal(1, (await events.AppendAsync([first])).Duplicates);
        Assert.Equal("id", Assert.Single((await events.AppendAsync([first with { Title = "changed" }])).Conflicts).Field);
        Assert.Single((await events.AppendAsync([first with { Source = "grid-app", CaseId = "AJ-2" }])).Stored);
        Assert.Equal("gridId", Assert.Single((await events.AppendAsync([later with { Id = "step-3" }])).Conflicts).Field);
        Assert.Equal(3, await events.CountAsync());
    }

    [Fact]
    public async Task A_file_migrated_by_a_newer_build_is_refused_with_both_versions_named()
    {
        await new RollupStore(Database).InitializeAsync();
        await ExecAsync("PRAGMA user_version = 99");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SecurityStore(Database).InitializeAsync());

        Assert.Contains("schema version 99", error.Message);
        Assert.Contains($"this build's {CurrentVersion}", error.Message);
    }

    [Fact]
    public async Task Stores_starting_at_once_on_a_new_file_migrate_it_once()
    {
        await using var events = new EventStore(Database);
        await Task.WhenAll(
            events.InitializeAsync(), new RollupStore(Database).InitializeAsync(),
            new IndexStore(Database).InitializeAsync(), new SecurityStore(Database).InitializeAsync());

        Assert.Equal((long)CurrentVersion, await ScalarAsync("PRAGMA user_version"));
        Assert.Equal(0, await events.CountAsync());
    }

    private async Task ExecAsync(string sql)
    {
        await using var c = new SqliteConnection($"Data Source={_db.Path};Pooling=False");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var c = new SqliteConnection($"Data Source={_db.Path};Pooling=False");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }
}
