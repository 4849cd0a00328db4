using CityScreen.Storage.Events;
using Microsoft.Data.Sqlite;

namespace CityScreen.Storage.Tests;

/// <summary>The event store contract on a SQLite file in a temporary directory.</summary>
public sealed class SqliteEventStoreFacts : EventStoreContract
{
    private readonly TempDatabase _db = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _db.Dispose();
    }

    protected override IEventStore CreateStore(int maxPendingAppends = 2_000) => new EventStore(CityScreenDatabase.Sqlite(_db.Path), maxPendingAppends: maxPendingAppends);

    protected override async Task<IAsyncDisposable> HoldWritesAsync()
    {
        // Unpooled, so disposing it closes it and its open transaction rolls back.
        var blocker = new SqliteConnection($"Data Source={_db.Path};Pooling=False");
        await blocker.OpenAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }
        return blocker;
    }
}
