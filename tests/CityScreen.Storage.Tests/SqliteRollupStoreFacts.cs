using CityScreen.Storage.Rollups;

namespace CityScreen.Storage.Tests;

[Collection(JobTablesCollection.Name)]
public sealed class SqliteRollupStoreFacts : RollupStoreContract, IDisposable
{
    private readonly TempDatabase _db = new();

    protected override Task<IRollupStore> CreateStoreAsync() => Task.FromResult<IRollupStore>(new RollupStore(CityScreenDatabase.Sqlite(_db.Path)));

    public void Dispose() => _db.Dispose();
}
