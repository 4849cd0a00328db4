namespace CityScreen.Storage.Security;

/// <summary>
/// An upstream source's ingest key as stored: only its hash, and the areas (roots of subtrees) the
/// source may write. A source may hold several keys at once, which is how a key is rotated without downtime.
/// </summary>
public sealed record IngestKey(
    string Id, string Source, IReadOnlyList<string> AreaIds, string SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
