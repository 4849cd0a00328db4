namespace CityScreen.Storage.Security;

/// <summary>Bearer tokens and sessions, found by the hash of their secret.</summary>
public interface ITokenStore
{
    Task AddTokenAsync(AccessToken token, CancellationToken cancellationToken = default);
    Task<AccessToken?> FindTokenBySecretHashAsync(string secretHash, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<AccessToken>> ListTokensAsync(CancellationToken cancellationToken = default);

    /// <summary>False when no unrevoked token has that id.</summary>
    Task<bool> RevokeTokenAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);
}
