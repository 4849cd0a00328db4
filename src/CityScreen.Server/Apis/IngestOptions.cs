using System.ComponentModel.DataAnnotations;

namespace CityScreen.Server.Apis;

/// <summary>Configuration section <c>CityScreen:Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string Section = "CityScreen:Ingest";

    /// <summary>Keys accepted in <c>X-Api-Key</c>; none configured means no upstream system can post.</summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>The most events one request may carry.</summary>
    [Range(1, int.MaxValue)]
    public int MaxBatch { get; set; } = 1_000;

    /// <summary>The largest request body in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}
