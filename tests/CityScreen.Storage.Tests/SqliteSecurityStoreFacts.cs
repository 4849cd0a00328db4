using CityScreen.Storage.Security;

namespace CityScreen.Storage.Tests;

public sealed class SqliteSecurityStoreFacts : SecurityStoreContract, IDisposable
{
    private readonly TempDatabase _db = new();

    protected override Task<ISecurityStore> CreateStoreAsync() => Task.FromResult<ISecurityStore>(new SecurityStore(CityScreenDatabase.Sqlite(_db.Path)));

    public void Dispose() => _db.Dispose();
}
