namespace CityScreen.Storage.Security;

/// <summary>Bearer tokens and sessions, found by the hash of their secret.</summary>
public interface ITokenStore
{
    Task AddTokenAsync(AccessToken token, CancellationToken cancellationToken = default);
    Task<AccessToken?> FindTokenBySecretHashAsync(string secretHash, CancellationToken cancellationToken = default);

    /// <summary>The token or session of that id, revoked or not; what an open screen is re-checked against.</summary>
    Task<AccessToken?> FindTokenAsync(string id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<AccessToken>> ListTokensAsync(CancellationToken cancellationToken = default);

    /// <summary>False when no unrevoked token has that id.</summary>
    Task<bool> RevokeTokenAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Revokes every unrevoked session of the account (its password changed, or it was removed); answers how many.</summary>
    Task<int> RevokeSessionsOfAsync(string accountName, DateTimeOffset at, CancellationToken cancellationToken = default);
}
