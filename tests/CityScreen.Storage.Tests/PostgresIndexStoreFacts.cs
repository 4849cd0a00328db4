using CityScreen.Storage.Indices;

namespace CityScreen.Storage.Tests;

[Collection(JobTablesCollection.Name)]
public sealed class PostgresIndexStoreFacts : IndexStoreContract, IDisposable
{
    private readonly Lazy<Task<PostgresTestDatabase>> _db = new(() => PostgresTestDatabase.CreateAsync("indices"));

    protected override async Task<IIndexStore> CreateStoreAsync() => new IndexStore(CityScreenDatabase.Postgres((await _db.Value).ConnectionString));

    public void Dispose() => PostgresTestDatabase.ReleaseConnections();
}
