namespace CityScreen.Server.Security;

/// <summary>
/// What an ingest key allows: its source writes events in these subtrees (null: the whole city),
/// and only events that name it as their <c>source</c> — ids are unique per source, so a key that
/// could name another source could take ids that source will use. Keys from configuration
/// (development, whole city) may name any source (<paramref name="AnySource"/>).
/// </summary>
public sealed record IngestGrant(string Source, string KeyId, IReadOnlyList<string>? AreaIds, bool AnySource = false);
