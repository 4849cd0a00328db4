namespace CityScreen.Storage;

/// <summary>Configuration section <c>CityScreen:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "CityScreen:Storage";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite file; relative paths are under the content root.</summary>
    public string SqlitePath { get; set; } = "data/cityscreen.db";

    /// <summary>At most this many events are committed in one transaction (group commit).</summary>
    public int MaxEventsPerCommit { get; set; } = 5_000;

    /// <summary>Requests waiting for the writer at most before ingest answers 503 with Retry-After.</summary>
    public int MaxPendingAppends { get; set; } = 2_000;
}
