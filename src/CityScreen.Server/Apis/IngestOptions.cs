namespace CityScreen.Server.Apis;

/// <summary>Configuration section <c>CityScreen:Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string Section = "CityScreen:Ingest";

    /// <summary>Keys accepted in <c>X-Api-Key</c>; none configured means no upstream system can post.</summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>The most events one request may carry.</summary>
    public int MaxBatch { get; set; } = 1_000;

    /// <summary>The largest request body in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}
