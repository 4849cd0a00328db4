namespace CityScreen.Simulator.Http;

/// <summary>What became of one batch sent to <c>POST /api/events</c>.</summary>
/// <param name="StatusCode">The last HTTP status, 0 when the server could not be reached.</param>
/// <param name="Retries">Resends after 503/429 (honouring Retry-After) or a lost connection.</param>
/// <param name="Problem">The server's answer when the batch was not accepted (problem details for a 400).</param>
public sealed record PostResult(PostOutcome Outcome, int StatusCode, int Accepted, int Duplicates, int Retries, string? Problem);

public enum PostOutcome
{
    /// <summary>202: every event is stored (new ones counted in Accepted, resends in Duplicates).</summary>
    Accepted,

    /// <summary>400: the server named bad items and fields; nothing of the batch was applied. Resending will not help.</summary>
    Invalid,

    /// <summary>Anything else (401, 413, 5xx, no connection after the retries): the batch is not known to be stored.</summary>
    Failed,
}
