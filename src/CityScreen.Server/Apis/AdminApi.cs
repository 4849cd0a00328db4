using CityScreen.Areas;
using CityScreen.Server.Security;
using CityScreen.Storage.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityScreen.Server.Apis;

/// <summary>
/// The admins' API under <c>/api/admin</c>: access tokens (walls, leaders, scripts), ingest keys of
/// upstream sources, and the audit log. Every change is audited; secrets are shown once, at creation.
/// </summary>
public static class AdminApi
{
    private const int MaxNameLength = 100;
    private const int MaxLifetimeDays = 3650;

    /// <summary>At most one of <c>ExpiresAt</c> and <c>ExpiresInDays</c>; an admin token needs one.</summary>
    public sealed record TokenRequest(string? Role, string? AreaId, string? Name, DateTimeOffset? ExpiresAt = null, int? ExpiresInDays = null);

    public sealed record IngestKeyRequest(string? Source, string[]? AreaIds);

    /// <summary>A new token; <c>Token</c> is its secret, shown this once.</summary>
    public sealed record TokenCreated(string Id, string Token, string Role, string? AreaId, string Name, DateTimeOffset? ExpiresAt);

    public sealed record TokenRow(string Id, string Name, string Role, string? AreaId, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

    /// <summary>A hub connection or Blazor circuit open on the host that answers, and who opened it.</summary>
    public sealed record SessionRow(string Id, string Kind, string? Name, string? Role, string? Credential, string? TokenId, string? AreaId, DateTimeOffset Since);

    /// <summary>A new ingest key; <c>Key</c> is its secret, shown this once.</summary>
    public sealed record IngestKeyCreated(string Id, string Key, string Source, IReadOnlyList<string> AreaIds);

    public sealed record IngestKeyRow(string Id, string Source, IReadOnlyList<string> AreaIds, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public sealed record AuditRow(long Id, DateTimeOffset At, string Actor, string Action, string Detail);

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(Policies.Admin).DisableAntiforgery();
        admin.MapPost("/tokens", CreateTokenAsync);
        admin.MapGet("/tokens", ListTokensAsync);
        admin.MapDelete("/tokens/{id}", RevokeTokenAsync);
        admin.MapGet("/sessions", ListSessions);
        admin.MapPost("/ingest-keys", CreateIngestKeyAsync);
        admin.MapGet("/ingest-keys", ListIngestKeysAsync);
        admin.MapDelete("/ingest-keys/{id}", RevokeIngestKeyAsync);
        admin.MapGet("/audit", ReadAuditAsync);
        return app;
    }

    private static async Task<Results<Created<TokenCreated>, ProblemHttpResult>> CreateTokenAsync(HttpContext http, ITokenStore tokens, AreaTree tree, Audit audit, TimeProvider time)
    {
        var (request, problem) = await RequestJson.ReadAsync<TokenRequest>(http.Request, http.RequestAborted);
        if (problem is not null) return problem;
        var role = request!.Role?.Trim();
        if (string.IsNullOrEmpty(role) || !Roles.Assignable.Contains(role))
            return ApiProblems.InvalidField("role", $"must be one of {string.Join(", ", Roles.Assignable)}");
        var areaId = string.IsNullOrWhiteSpace(request.AreaId) ? null : request.AreaId.Trim();
        if (areaId is null && Roles.NeedsArea(role)) return ApiProblems.InvalidField("areaId", $"a {role} token is bound to an area; name one");
        if (areaId is not null && !tree.TryGet(areaId, out _)) return ApiProblems.InvalidField("areaId", $"there is no area with id '{areaId}'");
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength) return ApiProblems.InvalidField("name", $"is required, at most {MaxNameLength} characters");
        var now = time.GetUtcNow();
        var (expiresAt, expiryProblem) = ExpiryOf(request, role, now);
        if (expiryProblem is not null) return expiryProblem;

        var secret = Secrets.NewSecret("cst_");
        var token = new AccessToken(Secrets.NewId(), "token", name, role, areaId, Secrets.Sha256(secret), now, expiresAt, null);
        await tokens.AddTokenAsync(token, http.RequestAborted);
        await audit.RecordAsync(http, "token.created", $"{token.Id} {role} area={areaId ?? "city"} name={name} expires={expiresAt?.ToString("O") ?? "never"}");
        return TypedResults.Created($"/api/admin/tokens/{token.Id}", new TokenCreated(token.Id, secret, role, areaId, name, expiresAt));
    }

    /// <summary>
    /// When the token ends. A wall's token may live until revoked; an admin token, which opens
    /// everything, must end, so a forgotten one does not stay a key to the city.
    /// </summary>
    private static (DateTimeOffset? ExpiresAt, ProblemHttpResult? Problem) ExpiryOf(TokenRequest request, string role, DateTimeOffset now)
    {
        if (request.ExpiresAt is not null && request.ExpiresInDays is not null)
            return (null, ApiProblems.InvalidField("expiresInDays", "give either expiresAt or expiresInDays, not both"));
        if (request.ExpiresInDays is { } days)
            return days is >= 1 and <= MaxLifetimeDays
                ? (now.AddDays(days), null)
                : (null, ApiProblems.InvalidField("expiresInDays", $"must be a whole number of days from 1 to {MaxLifetimeDays}"));
        if (request.ExpiresAt is { } at)
            return at > now && at <= now.AddDays(MaxLifetimeDays)
                ? (at, null)
                : (null, ApiProblems.InvalidField("expiresAt", $"must be in the future, at most {MaxLifetimeDays} days ahead"));
        return role == Roles.Admin
            ? (null, ApiProblems.InvalidField("expiresAt", "an admin token must expire: give expiresAt or expiresInDays"))
            : (null, null);
    }

    private static async Task<Ok<IEnumerable<TokenRow>>> ListTokensAsync(ITokenStore tokens, CancellationToken cancellationToken) =>
        TypedResults.Ok((await tokens.ListTokensAsync(cancellationToken)).Select(t => new TokenRow(t.Id, t.Name, t.Role, t.AreaId, t.CreatedAt, t.ExpiresAt, t.RevokedAt)));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(string id, HttpContext http, ITokenStore tokens, OpenScreens screens, Audit audit, TimeProvider time)
    {
        if (!await tokens.RevokeTokenAsync(id, time.GetUtcNow(), http.RequestAborted))
            return ApiProblems.NotFound("Unknown token", $"There is no unrevoked token with id '{id}'.");
        // The screens open with it on this host close now; other hosts close theirs at their next check.
        screens.CloseByToken(id);
        await audit.RecordAsync(http, "token.revoked", id);
        return TypedResults.NoContent();
    }

    private static Ok<IEnumerable<SessionRow>> ListSessions(OpenScreens screens) =>
        TypedResults.Ok(screens.All.OrderBy(s => s.Since).Select(s => new SessionRow(
            s.Id, s.Kind, s.User.Identity?.Name, s.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value,
            s.User.FindFirst(CityScreenClaims.Credential)?.Value, s.User.FindFirst(CityScreenClaims.TokenId)?.Value, s.User.AreaOf(), s.Since)));

    private static async Task<Results<Created<IngestKeyCreated>, ProblemHttpResult>> CreateIngestKeyAsync(HttpContext http, IIngestKeyStore keys, AreaTree tree, Audit audit, TimeProvider time)
    {
        var (request, problem) = await RequestJson.ReadAsync<IngestKeyRequest>(http.Request, http.RequestAborted);
        if (problem is not null) return problem;
        var source = request!.Source?.Trim();
        if (string.IsNullOrEmpty(source) || source.Length > MaxNameLength) return ApiProblems.InvalidField("source", $"is required, at most {MaxNameLength} characters");
        if (request.AreaIds is not { Length: > 0 } areaIds || areaIds.Length > 1000)
            return ApiProblems.InvalidField("areaIds", "name the areas (1 to 1000) this source may write; their subtrees are included");
        for (var i = 0; i < areaIds.Length; i++)
            if (areaIds[i] is null || !tree.TryGet(areaIds[i], out _)) return ApiProblems.InvalidField($"areaIds[{i}]", $"there is no area with id '{areaIds[i]}'");

        var secret = Secrets.NewSecret(IngestKeys.Prefix);
        var key = new IngestKey(Secrets.NewId(), source, areaIds.Distinct(StringComparer.Ordinal).ToList(), Secrets.Sha256(secret), time.GetUtcNow(), null);
        await keys.AddIngestKeyAsync(key, http.RequestAborted);
        await audit.RecordAsync(http, "ingest-key.created", $"{key.Id} source={source} areas={string.Join(',', key.AreaIds)}");
        return TypedResults.Created($"/api/admin/ingest-keys/{key.Id}", new IngestKeyCreated(key.Id, secret, source, key.AreaIds));
    }

    private static async Task<Ok<IEnumerable<IngestKeyRow>>> ListIngestKeysAsync(IIngestKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok((await keys.ListIngestKeysAsync(cancellationToken)).Select(k => new IngestKeyRow(k.Id, k.Source, k.AreaIds, k.CreatedAt, k.RevokedAt)));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeIngestKeyAsync(string id, HttpContext http, IIngestKeyStore keys, Audit audit, TimeProvider time)
    {
        if (!await keys.RevokeIngestKeyAsync(id, time.GetUtcNow(), http.RequestAborted))
            return ApiProblems.NotFound("Unknown ingest key", $"There is no unrevoked ingest key with id '{id}'.");
        await audit.RecordAsync(http, "ingest-key.revoked", id);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IEnumerable<AuditRow>>, ProblemHttpResult>> ReadAuditAsync(string? limit, IAuditLog log, CancellationToken cancellationToken)
    {
        var count = 200;
        if (limit is not null && (!int.TryParse(limit, out count) || count is < 1 or > 10_000))
            return ApiProblems.InvalidParameter("limit", "must be a whole number from 1 to 10000");
        return TypedResults.Ok((await log.ReadAuditAsync(count, cancellationToken)).Select(e => new AuditRow(e.Id, e.At, e.Actor, e.Action, e.Detail)));
    }
}
