namespace CityScreen.Server.Security;

/// <summary>What an ingest key allows: its source writes events in these subtrees (null: the whole city).</summary>
public sealed record IngestGrant(string Source, string KeyId, IReadOnlyList<string>? AreaIds);
