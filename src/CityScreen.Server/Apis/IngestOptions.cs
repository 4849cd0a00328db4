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

    /// <summary>
    /// Requests this host works on at once (reading, checking, storing, handing on); one more is
    /// answered 503 with <c>Retry-After</c> before its body is read, and nothing of it is kept. This
    /// bounds the memory a sender faster than the host's durable rate can tie up.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxRequestsInProgress { get; set; } = 64;
}
