using CityScreen.Storage.Indices;

namespace CityScreen.Storage.Tests;

[Collection(JobTablesCollection.Name)]
public sealed class SqliteIndexStoreFacts : IndexStoreContract, IDisposable
{
    private readonly TempDatabase _db = new();

    protected override Task<IIndexStore> CreateStoreAsync() => Task.FromResult<IIndexStore>(new IndexStore(CityScreenDatabase.Sqlite(_db.Path)));

    public void Dispose() => _db.Dispose();
}
