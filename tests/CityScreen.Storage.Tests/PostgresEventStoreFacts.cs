using CityScreen.Contracts.Events;
using CityScreen.Storage.Events;

namespace CityScreen.Storage.Tests;

/// <summary>The event store contract on a real PostgreSQL database, and what only cluster mode has to handle.</summary>
public sealed class PostgresEventStoreFacts : EventStoreContract
{
    private PostgresTestDatabase _db = null!;

    public override async Task InitializeAsync() => _db = await PostgresTestDatabase.CreateAsync("events");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        PostgresTestDatabase.ReleaseConnections();
    }

    protected override IEventStore CreateStore(int maxPendingAppends = 2_000) =>
        new EventStore(CityScreenDatabase.Postgres(_db.ConnectionString), maxPendingAppends: maxPendingAppends);

    protected override Task<IAsyncDisposable> HoldWritesAsync() => _db.LockAsync("events", "ACCESS EXCLUSIVE");

    protected override Task WriterStuckAsync(Task first) => _db.WaitForLockWaitersAsync(1, unless: first);

    [Fact]
    public async Task A_leaf_read_lets_its_reader_read_again_on_a_pool_of_one_connection()
    {
        // A grid recovering reads a case's earlier steps while it goes through its tail. With the
        // pool used up by such readers (thousands of grids activating on a surviving host), a read
        // that held its connection while its reader waited for another never ended.
        var store = new EventStore(CityScreenDatabase.Postgres(_db.ConnectionString + ";Maximum Pool Size=1;Timeout=5"));
        await store.InitializeAsync();
        try
        {
            // More than a page of the leaf's events, so the read goes over a page's end too.
            var events = Enumerable.Range(0, 4_500).Select(i => Checkin($"one-{i:D5}")).ToArray();
            foreach (var part in events.Chunk(1_500)) await store.AppendAsync(part);

            var read = new List<string>();
            await foreach (var e in store.ReadAreaAfterAsync("g1", 0))
            {
                read.Add(e.Id);
                if (read.Count % 1_000 == 0) await store.ReadCaseAsync("g1", "no-case", e.Seq);
            }
            Assert.Equal(events.Select(e => e.Id), read);
            var seqs = new List<long>();
            await foreach (var e in store.ReadAreaAfterAsync("g1", 0)) seqs.Add(e.Seq);
            var picked = new List<long>();
            await foreach (var e in store.ReadAreaSeqsAsync("g1", seqs.Where((_, i) => i % 2 == 0).ToList()))
            {
                picked.Add(e.Seq);
                if (picked.Count % 1_000 == 0) await store.LastSeqAsync("g1");
            }
            Assert.Equal(seqs.Where((_, i) => i % 2 == 0), picked);
        }
        finally
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task Hosts_appending_the_same_ids_in_opposite_orders_store_each_once()
    {
        var (left, right) = (await OpenAsync(), await OpenAsync());
        var ids = Enumerable.Range(0, 200).Select(i => Checkin($"x{i}")).ToArray();

        // Each inserts the ids the other inserts last: their transactions can deadlock, and the
        // one PostgreSQL aborts must run again rather than fail the request.
        var results = await Task.WhenAll(
            Enumerable.Range(0, 5).Select(_ => left.AppendAsync(ids))
                .Concat(Enumerable.Range(0, 5).Select(_ => right.AppendAsync(ids.Reverse().ToArray()))));

        Assert.Equal(200, results.Sum(r => r.Stored.Count));
        Assert.Equal(9 * 200, results.Sum(r => r.Duplicates));
        Assert.Equal(200, await left.CountAsync());
    }

    [Fact]
    public async Task The_schema_is_migrated_once_when_several_hosts_start_at_once()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => CreateStore()).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => s.InitializeAsync()));

            Assert.Equal(6L, await _db.ScalarAsync<long>("SELECT count(*) FROM cityscreen_migrations"));
            Assert.Equal(6, await _db.ScalarAsync<int>("SELECT max(version) FROM cityscreen_migrations"));
            Assert.Single((await stores[3].AppendAsync([Checkin("after")])).Stored);
        }
        finally
        {
            foreach (var s in stores) await ((IAsyncDisposable)s).DisposeAsync();
        }
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_build_is_refused_with_both_versions_named()
    {
        await OpenAsync();
        await _db.ScalarAsync<int>("INSERT INTO cityscreen_migrations (version, description) VALUES (99, 'from the future') RETURNING version");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CreateStore().InitializeAsync());

        Assert.Contains("schema version 99", error.Message);
        Assert.Contains("this build's 6", error.Message);
    }

    [Fact]
    public async Task Upgrading_keeps_every_event_makes_ids_unique_per_source_and_binds_each_case_to_its_first_area()
    {
        var first = Checkin("step-1") with { Type = EventTypes.CaseResolved, CaseId = "AJ-1", Source = "hotline" };
        var later = first with { Id = "step-2", GridId = "g2" };
        // The event log as schema version 4 had it: ids unique across sources, no case bindings.
        await _db.ScalarAsync<int>($$"""
            CREATE TABLE cityscreen_migrations (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO cityscreen_migrations (version, description) VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd');
            CREATE TABLE events (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id text NOT NULL, type text NOT NULL, area_id text NOT NULL,
                case_id text NULL, kind text NULL, project_id text NULL, occurred_at timestamptz NOT NULL,
                received_at timestamptz NOT NULL DEFAULT now(), body text NOT NULL, CONSTRAINT events_id_unique UNIQUE (id));
            INSERT INTO events (id, type, area_id, case_id, occurred_at, body) VALUES
                ('step-1', 'case.resolved', 'g1', 'AJ-1', now(), '{{CityEventJson.Serialize(first)}}'),
                ('step-2', 'case.resolved', 'g2', 'AJ-1', now(), '{{CityEventJson.Serialize(later)}}');
            SELECT 1;
            """);

        var store = await OpenAsync();

        Assert.Equal(["step-1"], (await store.ReadAreaAsync("g1")).Select(e => e.Id));
        Assert.Equal([2L], (await store.ReadAreaAsync("g2")).Select(e => e.Seq));
        Assert.Equal("g1", (await store.FindCaseAreasAsync(["AJ-1"]))["AJ-1"]);
        Assert.Equal(1, (await store.AppendAsync([first])).Duplicates);
        Assert.Equal("id", Assert.Single((await store.AppendAsync([first with { Title = "changed" }])).Conflicts).Field);
        Assert.Single((await store.AppendAsync([first with { Source = "grid-app", CaseId = "AJ-2" }])).Stored);
        Assert.Equal("gridId", Assert.Single((await store.AppendAsync([later with { Id = "step-3" }])).Conflicts).Field);
        Assert.Equal(3, await store.CountAsync());
    }
}
