using CityScreen.Storage.Rollups;

namespace CityScreen.Storage.Tests;

[Collection(JobTablesCollection.Name)]
public sealed class PostgresRollupStoreFacts : RollupStoreContract, IDisposable
{
    private readonly Lazy<Task<PostgresTestDatabase>> _db = new(() => PostgresTestDatabase.CreateAsync("rollups"));

    protected override async Task<IRollupStore> CreateStoreAsync() => new RollupStore(CityScreenDatabase.Postgres((await _db.Value).ConnectionString));

    public void Dispose() => PostgresTestDatabase.ReleaseConnections();
}
