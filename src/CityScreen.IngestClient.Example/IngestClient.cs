using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CityScreen.IngestClient.Example;

/// <summary>
/// Sends events to <c>POST /api/events</c> the way the contract (docs/openapi.json) asks: in batches,
/// waiting out 429 and 503 for as long as <c>Retry-After</c> says, and resending a batch whose answer
/// never came. Resending is safe because every event carries its own <c>id</c>: what the server
/// already stored comes back as <c>duplicates</c> and counts once.
/// </summary>
public sealed class IngestClient(HttpClient http, string apiKey, IngestClientOptions? options = null)
{
    private readonly IngestClientOptions _options = options ?? new IngestClientOptions();

    /// <summary>Sends every event, in batches of <see cref="IngestClientOptions.BatchSize"/>; answers the totals.</summary>
    /// <exception cref="IngestRefusedException">The server refused a batch for a reason a resend cannot cure (400, 401, 403, 409, 413).</exception>
    public async Task<IngestTotals> SendAsync(IReadOnlyList<JsonObject> events, CancellationToken cancellationToken = default)
    {
        var totals = new IngestTotals();
        for (var start = 0; start < events.Count; start += _options.BatchSize)
        {
            var batch = new JsonArray([.. events.Skip(start).Take(_options.BatchSize).Select(e => e.DeepClone())]);
            var (accepted, duplicates, retries) = await SendBatchAsync(batch.ToJsonString(), cancellationToken);
            totals = totals with
            {
                Batches = totals.Batches + 1, Accepted = totals.Accepted + accepted, Duplicates = totals.Duplicates + duplicates, Retries = totals.Retries + retries,
            };
        }
        return totals;
    }

    private async Task<(int Accepted, int Duplicates, int Retries)> SendBatchAsync(string body, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            TimeSpan wait;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Api-Key", apiKey);
                using var response = await http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    var answer = JsonNode.Parse(text)!;
                    return (answer["accepted"]!.GetValue<int>(), answer["duplicates"]!.GetValue<int>(), attempt);
                }
                if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) && (int)response.StatusCode < 500)
                    throw new IngestRefusedException(response.StatusCode, text);
                // Nothing of a refused batch was stored: the same batch later is welcome.
                wait = RetryAfter(response.Headers.RetryAfter) ?? Backoff(attempt);
            }
            catch (HttpRequestException) when (attempt < _options.MaxAttempts - 1)
            {
                // The answer was lost (a broken connection, a host restarting): the batch may or may
                // not be stored. Resending it is safe: stored ids come back as duplicates.
                wait = Backoff(attempt);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested && attempt < _options.MaxAttempts - 1)
            {
                wait = Backoff(attempt);   // the client's timeout: the same as a lost answer
            }
            if (attempt >= _options.MaxAttempts - 1) throw new IngestRefusedException(HttpStatusCode.ServiceUnavailable, $"gave up after {_options.MaxAttempts} attempts");
            await Task.Delay(wait, cancellationToken);
        }
    }

    /// <summary>Retry-After as seconds or as a date, capped at <see cref="IngestClientOptions.MaxWait"/>; null when absent.</summary>
    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, _options.MaxWait.Ticks)) : null;
    }

    /// <summary>Exponential, from <see cref="IngestClientOptions.FirstBackoff"/> up to <see cref="IngestClientOptions.MaxWait"/>, with jitter so that many senders do not come back at once.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.FirstBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 10));
        var capped = Math.Min(exponential, _options.MaxWait.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble() / 2));
    }
}

public sealed class IngestClientOptions
{
    /// <summary>Events per request; at most the server's <c>CityScreen:Ingest:MaxBatch</c> (1,000 by default).</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Attempts per batch before giving up.</summary>
    public int MaxAttempts { get; init; } = 10;

    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two attempts, whatever Retry-After says.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>What a <see cref="IngestClient.SendAsync"/> did: requests that succeeded, events new and resent, attempts repeated.</summary>
public sealed record IngestTotals(int Batches = 0, int Accepted = 0, int Duplicates = 0, int Retries = 0);

/// <summary>The server refused a batch and a resend would be refused again; <see cref="Problem"/> is its problem details.</summary>
public sealed class IngestRefusedException(HttpStatusCode status, string problem)
    : Exception($"the server answered {(int)status}: {problem}")
{
    public HttpStatusCode Status { get; } = status;
    public string Problem { get; } = problem;
}
