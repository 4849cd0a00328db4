using CityScreen.Storage.Events;
using CityScreen.Storage.Rollups;

namespace CityScreen.Storage.Tests;

[Collection(JobTablesCollection.Name)]
public sealed class SqliteEventHistoryFacts : EventHistoryContract
{
    private readonly TempDatabase _db = new();

    protected override Task<IEventStore> CreateEventsAsync() => Task.FromResult<IEventStore>(new EventStore(CityScreenDatabase.Sqlite(_db.Path)));

    protected override IEventHistory CreateHistory() => new EventHistory(CityScreenDatabase.Sqlite(_db.Path));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _db.Dispose();
    }
}
