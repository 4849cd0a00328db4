using CityScreen.Contracts.Events;
using CityScreen.Storage.Events;
using CityScreen.Storage.Rollups;
using Npgsql;

namespace CityScreen.Storage.Tests;

[Collection(JobTablesCollection.Name)]
public sealed class PostgresEventHistoryFacts : EventHistoryContract
{
    private PostgresTestDatabase _db = null!;

    protected override async Task<IEventStore> CreateEventsAsync()
    {
        _db = await PostgresTestDatabase.CreateAsync("history");
        return new EventStore(CityScreenDatabase.Postgres(_db.ConnectionString));
    }

    protected override IEventHistory CreateHistory() => new EventHistory(CityScreenDatabase.Postgres(_db.ConnectionString));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        PostgresTestDatabase.ReleaseConnections();
    }

    [Fact]
    public async Task The_last_sequence_waits_for_an_append_in_flight_so_a_lower_sequence_committing_late_is_not_passed()
    {
        var history = CreateHistory();
        // Another host's append draws its sequence first and commits last.
        await using var slowHost = new NpgsqlConnection(_db.ConnectionString);
        await slowHost.OpenAsync();
        await using var slow = await slowHost.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO events (id, type, area_id, occurred_at, body) VALUES ('late', 'member.checkin', 'g1', now(), '{}') RETURNING seq
            """, slowHost, slow))
            Assert.Equal(1L, await insert.ExecuteScalarAsync());
        var fast = await Events.AppendAsync([Step("fast", EventTypes.CaseReported, "c1", At(2, 9))]);
        Assert.Equal(2, fast.Stored[0].Seq);

        var last = history.LastSeqAsync();
        await _db.WaitForLockWaitersAsync(1, unless: last);
        Assert.False(last.IsCompleted, "the last sequence was answered while an append with a lower one was still open");
        await slow.CommitAsync();

        Assert.Equal(2, await last);
        var heads = new List<EventHead>();
        await foreach (var h in history.ReadHeadsAsync(0, await last)) heads.Add(h);
        Assert.Equal([1L, 2L], heads.Select(h => h.Seq));
    }
}
