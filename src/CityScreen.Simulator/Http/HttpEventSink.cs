using System.Net;
using System.Text;
using System.Text.Json;
using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Http;

/// <summary>
/// Sends batches to a CityScreen server's <c>POST /api/events</c> with its <c>X-Api-Key</c>. A busy server
/// (503, 429) is waited for as long as its Retry-After says and gets the same batch again: the ids are the
/// same, so a batch that was in fact stored is counted once. A lost connection is retried with backoff.
/// </summary>
public sealed class HttpEventSink
{
    private const string EventsPath = "api/events";

    private readonly HttpClient _http;
    private readonly Uri _events;
    private readonly string _apiKey;
    private readonly TimeProvider _time;

    public HttpEventSink(HttpClient http, Uri server, string apiKey, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _http = http;
        _events = ServerAddress.Resolve(server, EventsPath);
        _apiKey = apiKey;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Resends allowed for one batch before it is given up as failed.</summary>
    public int MaxRetries { get; init; } = 30;

    /// <summary>The longest wait taken for one Retry-After, so a misconfigured server cannot stall the sender for hours.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    public async Task<PostResult> PostAsync(IReadOnlyList<CityEvent> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var body = CityEventJson.SerializeBatch(batch);
        for (var retries = 0; ; retries++)
        {
            TimeSpan wait;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _events)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("X-Api-Key", _apiKey);
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);

                if (response.IsSuccessStatusCode) return Accepted(status, text, batch.Count, retries);
                if (response.StatusCode == HttpStatusCode.BadRequest) return new(PostOutcome.Invalid, status, 0, 0, retries, text);
                if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests))
                    return new(PostOutcome.Failed, status, 0, 0, retries, text);
                if (retries >= MaxRetries) return new(PostOutcome.Failed, status, 0, 0, retries, $"still {status} after {retries} retries: {text}");
                wait = RetryAfter(response);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // No answer (refused, reset, timed out): whether the batch was stored is unknown, and resending is safe.
                if (retries >= MaxRetries) return new(PostOutcome.Failed, 0, 0, 0, retries, ex.Message);
                wait = TimeSpan.FromSeconds(Math.Min(10, 0.5 * Math.Pow(2, retries)));
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta
            ?? (header?.Date is { } date ? date - _time.GetUtcNow() : TimeSpan.FromSeconds(1));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
    }

    private static PostResult Accepted(int status, string text, int count, int retries)
    {
        // The server answers {accepted, duplicates}; without it, count the whole batch as accepted.
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            return new(PostOutcome.Accepted, status, Number(root, "accepted") ?? count, Number(root, "duplicates") ?? 0, retries, null);
        }
        catch (JsonException)
        {
            return new(PostOutcome.Accepted, status, count, 0, retries, null);
        }
    }

    private static int? Number(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var p) && p.TryGetInt32(out var n) ? n : null;
}
