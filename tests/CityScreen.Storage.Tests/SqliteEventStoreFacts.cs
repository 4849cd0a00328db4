using CityScreen.Contracts.Events;
using CityScreen.Storage.Events;
using Microsoft.Data.Sqlite;

namespace CityScreen.Storage.Tests;

public sealed class SqliteEventStoreFacts : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cityscreen-store-" + Guid.NewGuid().ToString("N"));
    private string DbPath => Path.Combine(_directory, "events.db");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    private static CityEvent Checkin(string id, string grid = "g1") => new()
    {
        Id = id, Type = EventTypes.MemberCheckin, OccurredAt = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(8)),
        GridId = grid, Source = "test", MemberId = "m1", UnitId = "u1",
    };

    [Fact]
    public async Task Appends_are_durable_ordered_and_idempotent_by_id()
    {
        await using (var store = new SqliteEventStore(DbPath))
        {
            await store.InitializeAsync();
            var first = await store.AppendAsync([Checkin("a"), Checkin("b"), Checkin("a")]);
            var second = await store.AppendAsync([Checkin("b"), Checkin("c", grid: "g2")]);

            Assert.Equal(["a", "b"], first.Stored.Select(e => e.Id));
            Assert.Equal(1, first.Duplicates);
            Assert.Equal(["c"], second.Stored.Select(e => e.Id));
            Assert.True(second.Stored[0].Seq > first.Stored[1].Seq);
        }

        await using var reopened = new SqliteEventStore(DbPath);
        await reopened.InitializeAsync();
        Assert.Equal(3, await reopened.CountAsync());
        Assert.Equal(["a", "b"], (await reopened.ReadAreaAsync("g1")).Select(e => e.Id));
    }

    [Fact]
    public async Task When_the_writer_falls_behind_appends_are_refused_at_once_and_nothing_is_lost()
    {
        await using var store = new SqliteEventStore(DbPath, maxPendingAppends: 2);
        await store.InitializeAsync();

        // Another connection holds the write lock: the store's writer waits on it.
        await using var blocker = new SqliteConnection($"Data Source={DbPath}");
        await blocker.OpenAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        var appends = new List<Task<AppendResult>>();
        for (var i = 0; i < 10; i++)
        {
            appends.Add(store.AppendAsync([Checkin($"w{i}")]));
            await Task.Delay(20);
        }
        var refused = appends.Where(t => t.IsFaulted).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, t => Assert.IsType<StoreBusyException>(t.Exception!.InnerException));
        var waiting = appends.Except(refused).ToList();
        // The writer took some into its stuck commit and two more wait in the queue; the rest were refused.
        Assert.NotEmpty(waiting);

        await using (var rollback = blocker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }
        var accepted = await Task.WhenAll(waiting);
        Assert.Equal(accepted.Sum(a => a.Stored.Count), await store.CountAsync());
    }
}
