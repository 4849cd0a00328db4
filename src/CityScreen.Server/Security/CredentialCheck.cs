using System.Security.Claims;
using CityScreen.Storage.Security;

namespace CityScreen.Server.Security;

/// <summary>
/// Whether an identity that was signed in when a screen opened still is: its token or session
/// neither revoked nor expired, its account still there with the same password. Open hub
/// connections and Blazor circuits are checked with it every <see cref="AuthOptions.RevalidationInterval"/>.
/// </summary>
public sealed class CredentialCheck(ISecurityStore store, TimeProvider time)
{
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true) return true;
        if (user.FindFirst(CityScreenClaims.TokenId)?.Value is { } tokenId)
            return await store.FindTokenAsync(tokenId, cancellationToken) is { } token && token.IsValidAt(time.GetUtcNow());
        if (user.FindFirst(CityScreenClaims.Stamp)?.Value is { } stamp)
            return user.Identity.Name is { } name && await store.FindAccountAsync(name, cancellationToken) is { } account
                && Secrets.CredentialStamp(account.PasswordHash) == stamp;
        // Anonymous readers hold no credential that could be withdrawn.
        return true;
    }
}
