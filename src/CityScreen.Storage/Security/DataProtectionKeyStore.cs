using CityScreen.Storage.Sql;

namespace CityScreen.Storage.Security;

/// <summary>
/// <c>data_protection_keys</c>: the key ring that protects antiforgery tokens and the state of a
/// single sign-on round trip, in the database every host shares, so that what one host protected
/// another can read. A key is written once and never changed (a revocation is an element of its own).
/// </summary>
public sealed class DataProtectionKeyStore(CityScreenDatabase database)
{
    private readonly SqlDialect _db = SqlDialect.For(database, pool: "cityscreen-security");

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _db.MigrateAsync(cancellationToken);

    /// <summary>Every element of the ring, as XML text, in the order they were added.</summary>
    public async Task<IReadOnlyList<string>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        await _db.QueryAsync("SELECT xml FROM data_protection_keys ORDER BY name", r => r.GetString(0), cancellationToken);

    /// <summary>Adds an element; one of the same name already stored is kept.</summary>
    public Task AddAsync(string name, string xml, CancellationToken cancellationToken = default) =>
        _db.ExecuteAsync("INSERT INTO data_protection_keys (name, xml) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING", cancellationToken, name, xml);
}
