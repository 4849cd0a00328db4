namespace CityScreen.Storage.Security;

/// <summary>
/// A bearer token as stored: only the hash of its secret. <c>Kind</c> is <c>token</c> for tokens an
/// admin issued (walls, scripts) and <c>session</c> for a signed-in account's browser session.
/// </summary>
public sealed record AccessToken(
    string Id, string Kind, string Name, string Role, string? AreaId, string SecretHash,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
