using System.Text.Json;
using CityScreen.Areas;
using CityScreen.Domain.Ingest;
using CityScreen.Domain.Telemetry;
using CityScreen.Grains.Ingest;
using CityScreen.Server.Hosting;
using CityScreen.Server.Security;
using CityScreen.Storage.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Apis;

/// <summary><c>POST /api/events</c>: the ingest contract of docs/architecture.md §3.</summary>
public static class EventsApi
{
    /// <summary>How many events of the request were stored now, and how many had been stored before (resends, counted once).</summary>
    public sealed record IngestAnswer(int Accepted, int Duplicates);

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/events", PostEventsAsync).DisableAntiforgery().RequireRateLimiting(RateLimits.IngestPolicy);
        return app;
    }

    private static async Task<Results<Accepted<IngestAnswer>, ProblemHttpResult>> PostEventsAsync(
        HttpRequest request, IngestAdmission admission, EventIngestor ingestor, Readiness readiness, IngestKeys keys, AreaTree tree, EventReference reference,
        IOptionsSnapshot<IngestOptions> options, CityScreenMetrics metrics, CancellationToken cancellationToken)
    {
        ProblemHttpResult Refused(string reason, ProblemHttpResult problem)
        {
            metrics.IngestRefused(reason);
            return problem;
        }

        var limits = options.Value;
        if (await keys.ResolveAsync(request.Headers["X-Api-Key"].ToString(), cancellationToken) is not { } grant)
            return Refused(CityScreenMetrics.RefusalReasons.Unauthorized, ApiProblems.Unauthorized("Missing, unknown or revoked API key",
                "Send a key issued by POST /api/admin/ingest-keys (or configured in CityScreen:Ingest:ApiKeys) in the X-Api-Key header."));
        if (!readiness.IsReady)
            return Refused(CityScreenMetrics.RefusalReasons.NotReady, ApiProblems.Unavailable(request.HttpContext.Response, 5, "Not ready", $"The server is {readiness.State}; retry shortly."));
        if (request.ContentLength > limits.MaxBodyBytes)
            return Refused(CityScreenMetrics.RefusalReasons.TooLarge, ApiProblems.TooLarge($"the body of {request.ContentLength} bytes exceeds the limit of {limits.MaxBodyBytes} bytes"));
        using var slot = admission.TryEnter();
        if (slot is null)
            return Refused(CityScreenMetrics.RefusalReasons.Busy, ApiProblems.Unavailable(request.HttpContext.Response, 1, "Busy, retry shortly",
                $"This host is already working on {admission.Limit} requests of events; nothing of this request was kept, resend it after the Retry-After seconds."));

        var body = await ReadBodyAsync(request, limits.MaxBodyBytes, cancellationToken);
        if (body is null) return Refused(CityScreenMetrics.RefusalReasons.TooLarge, ApiProblems.TooLarge($"the body exceeds the limit of {limits.MaxBodyBytes} bytes"));

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return Refused(CityScreenMetrics.RefusalReasons.Invalid, Invalid(new Dictionary<string, string[]>
            {
                ["$"] = [$"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}"],
            }));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > limits.MaxBatch)
                return Refused(CityScreenMetrics.RefusalReasons.TooLarge, ApiProblems.TooLarge($"the batch of {root.GetArrayLength()} events exceeds the limit of {limits.MaxBatch}"));

            var errors = new ValidationErrors();
            var items = EventParser.Parse(root, errors, reference);
            if (OutsideGrant(items, grant, tree, root.ValueKind == JsonValueKind.Array) is { Count: > 0 } outside)
                return Refused(CityScreenMetrics.RefusalReasons.Forbidden, ApiProblems.Invalid(outside, status: StatusCodes.Status403Forbidden,
                    title: "The key may not write these events; none of the events was accepted",
                    detail: $"The key of '{grant.Source}' writes only events of source '{grant.Source}'"
                        + (grant.AreaIds is null ? "." : $", in {string.Join(", ", grant.AreaIds)} and below.")));
            IngestOutcome outcome;
            try
            {
                outcome = await ingestor.IngestAsync(items, errors, root.ValueKind == JsonValueKind.Array, cancellationToken);
            }
            catch (StoreBusyException ex)
            {
                return Refused(CityScreenMetrics.RefusalReasons.Busy, ApiProblems.Unavailable(request.HttpContext.Response, 1, "Busy, retry shortly", ex.Message));
            }
            catch (System.Data.Common.DbException ex)
            {
                // The database is down or the connection broke (PostgreSQL restarting, a full disk):
                // whether the commit landed is unknown, so the sender must resend; ids make that safe.
                return Refused(CityScreenMetrics.RefusalReasons.StoreUnavailable, ApiProblems.Unavailable(request.HttpContext.Response, 5, "The event store is unavailable, retry shortly", ex.Message));
            }
            if (outcome.IsConflict)
                return Refused(CityScreenMetrics.RefusalReasons.Conflict, ApiProblems.Invalid(outcome.Errors!.ToDictionary(), status: StatusCodes.Status409Conflict,
                    title: "The events contradict stored ones; none of them was accepted",
                    detail: outcome.Errors!.ToString()));
            if (!outcome.IsValid) return Refused(CityScreenMetrics.RefusalReasons.Invalid, Invalid(outcome.Errors!.ToDictionary()));
            return TypedResults.Accepted((string?)null, new IngestAnswer(outcome.Accepted, outcome.Duplicates));
        }
    }

    private static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) =>
        ApiProblems.Invalid(errors, title: "The events are invalid; none of them was accepted",
            detail: string.Join("; ", errors.Take(5).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));

    /// <summary>Reads at most <paramref name="max"/> bytes; null when the body is longer.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long max, CancellationToken cancellationToken)
    {
        // A body of announced length (every client we know sends one) is read into one array of
        // its size: growing a stream and copying it out cost two to three times the body, and a
        // batch's body is large enough for the large object heap.
        if (request.ContentLength is { } length and <= int.MaxValue)
        {
            // The server stops the body at its Content-Length and fails a body cut short.
            var exact = new byte[length];
            var filled = 0;
            int got;
            while (filled < exact.Length && (got = await request.Body.ReadAsync(exact.AsMemory(filled), cancellationToken)) > 0) filled += got;
            return filled == exact.Length ? exact : exact[..filled];
        }
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

    /// <summary>The events naming another source or an area outside what the key may write, keyed by their field's path.</summary>
    private static Dictionary<string, string[]> OutsideGrant(IReadOnlyList<Contracts.Events.CityEvent?> items, IngestGrant grant, AreaTree tree, bool isBatch)
    {
        var outside = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } e) continue;
            if (!grant.AnySource && e.Source != grant.Source)
                outside[isBatch ? $"[{i}].source" : "$.source"] = [$"'{e.Source}' is not this key's source '{grant.Source}'"];
            if (grant.AreaIds is null || (e.GridId ?? e.CommunityId) is not { } areaId || !tree.TryGet(areaId, out _)) continue;
            if (IngestKeys.MayWrite(grant, tree, areaId)) continue;
            var field = e.GridId is not null ? "gridId" : "communityId";
            outside[isBatch ? $"[{i}].{field}" : $"$.{field}"] = [$"'{areaId}' is outside the areas this key may write"];
        }
        return outside;
    }
}
