namespace CityScreen.Storage.Security;

/// <summary>Ingest keys of upstream sources, found by the hash of their secret.</summary>
public interface IIngestKeyStore
{
    Task AddIngestKeyAsync(IngestKey key, CancellationToken cancellationToken = default);
    Task<IngestKey?> FindIngestKeyBySecretHashAsync(string secretHash, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<IngestKey>> ListIngestKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>False when no unrevoked key has that id.</summary>
    Task<bool> RevokeIngestKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);
}
