using CityScreen.Storage.Security;

namespace CityScreen.Storage.Tests;

public sealed class PostgresSecurityStoreFacts : SecurityStoreContract, IDisposable
{
    private readonly Lazy<Task<PostgresTestDatabase>> _db = new(() => PostgresTestDatabase.CreateAsync("security"));

    protected override async Task<ISecurityStore> CreateStoreAsync() => new SecurityStore(CityScreenDatabase.Postgres((await _db.Value).ConnectionString));

    public void Dispose() => PostgresTestDatabase.ReleaseConnections();
}
