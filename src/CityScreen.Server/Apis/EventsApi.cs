using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CityScreen.Domain.Ingest;
using CityScreen.Grains.Ingest;
using CityScreen.Server.Hosting;
using CityScreen.Storage.Events;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Apis;

/// <summary><c>POST /api/events</c>: the ingest contract of architecture.md §3.</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/events", PostEventsAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> PostEventsAsync(
        HttpRequest request, EventIngestor ingestor, Readiness readiness, IOptionsSnapshot<IngestOptions> options, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (!IsKeyAccepted(request.Headers["X-Api-Key"].ToString(), limits.ApiKeys))
            return Results.Problem(statusCode: 401, title: "Missing or unknown API key",
                detail: "Send a key configured in CityScreen:Ingest:ApiKeys in the X-Api-Key header.");
        if (!readiness.IsReady)
        {
            request.HttpContext.Response.Headers.RetryAfter = "5";
            return Results.Problem(statusCode: 503, title: "Not ready", detail: $"The server is {readiness.State}; retry shortly.");
        }
        if (request.ContentLength > limits.MaxBodyBytes) return TooLarge($"the body of {request.ContentLength} bytes exceeds the limit of {limits.MaxBodyBytes} bytes");

        var body = await ReadBodyAsync(request, limits.MaxBodyBytes, cancellationToken);
        if (body is null) return TooLarge($"the body exceeds the limit of {limits.MaxBodyBytes} bytes");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return Invalid(new Dictionary<string, string[]>
            {
                ["$"] = [$"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}"],
            });
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > limits.MaxBatch)
                return TooLarge($"the batch of {root.GetArrayLength()} events exceeds the limit of {limits.MaxBatch}");

            var errors = new ValidationErrors();
            var items = EventParser.Parse(root, errors);
            IngestOutcome outcome;
            try
            {
                outcome = await ingestor.IngestAsync(items, errors, root.ValueKind == JsonValueKind.Array, cancellationToken);
            }
            catch (StoreBusyException ex)
            {
                request.HttpContext.Response.Headers.RetryAfter = "1";
                return Results.Problem(statusCode: 503, title: "Busy, retry shortly", detail: ex.Message);
            }
            if (!outcome.IsValid) return Invalid(outcome.Errors!.ToDictionary());
            return Results.Json(new { accepted = outcome.Accepted, duplicates = outcome.Duplicates }, statusCode: StatusCodes.Status202Accepted);
        }
    }

    private static IResult Invalid(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The events are invalid; none of them was accepted",
            detail: string.Join("; ", errors.Take(5).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));

    private static IResult TooLarge(string detail) => Results.Problem(statusCode: 413, title: "Request too large", detail: detail);

    /// <summary>Reads at most <paramref name="max"/> bytes; null when the body is longer.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static bool IsKeyAccepted(string presented, string[] keys)
    {
        if (presented.Length == 0) return false;
        var bytes = Encoding.UTF8.GetBytes(presented);
        var match = false;
        foreach (var key in keys)
            match |= CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(key));
        return match;
    }
}
