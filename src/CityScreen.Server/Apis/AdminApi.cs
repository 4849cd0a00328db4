using CityScreen.Areas;
using CityScreen.Server.Security;
using CityScreen.Storage.Security;

namespace CityScreen.Server.Apis;

/// <summary>
/// The admins' API under <c>/api/admin</c>: access tokens (walls, leaders, scripts), ingest keys of
/// upstream sources, and the audit log. Every change is audited; secrets are shown once, at creation.
/// </summary>
public static class AdminApi
{
    private const int MaxNameLength = 100;

    public sealed record TokenRequest(string? Role, string? AreaId, string? Name);

    public sealed record IngestKeyRequest(string? Source, string[]? AreaIds);

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(Policies.Admin).DisableAntiforgery();
        admin.MapPost("/tokens", CreateTokenAsync);
        admin.MapGet("/tokens", ListTokensAsync);
        admin.MapDelete("/tokens/{id}", RevokeTokenAsync);
        admin.MapPost("/ingest-keys", CreateIngestKeyAsync);
        admin.MapGet("/ingest-keys", ListIngestKeysAsync);
        admin.MapDelete("/ingest-keys/{id}", RevokeIngestKeyAsync);
        admin.MapGet("/audit", ReadAuditAsync);
        return app;
    }

    private static async Task<IResult> CreateTokenAsync(HttpContext http, ITokenStore tokens, AreaTree tree, Audit audit, TimeProvider time)
    {
        var (request, problem) = await RequestJson.ReadAsync<TokenRequest>(http.Request, http.RequestAborted);
        if (problem is not null) return problem;
        var role = request!.Role?.Trim();
        if (string.IsNullOrEmpty(role) || !Roles.Assignable.Contains(role))
            return RequestJson.Invalid("role", $"must be one of {string.Join(", ", Roles.Assignable)}");
        var areaId = string.IsNullOrWhiteSpace(request.AreaId) ? null : request.AreaId.Trim();
        if (areaId is null && Roles.NeedsArea(role)) return RequestJson.Invalid("areaId", $"a {role} token is bound to an area; name one");
        if (areaId is not null && !tree.TryGet(areaId, out _)) return RequestJson.Invalid("areaId", $"there is no area with id '{areaId}'");
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength) return RequestJson.Invalid("name", $"is required, at most {MaxNameLength} characters");

        var secret = Secrets.NewSecret("cst_");
        var token = new AccessToken(Secrets.NewId(), "token", name, role, areaId, Secrets.Sha256(secret), time.GetUtcNow(), null, null);
        await tokens.AddTokenAsync(token, http.RequestAborted);
        await audit.RecordAsync(http, "token.created", $"{token.Id} {role} area={areaId ?? "city"} name={name}");
        return Results.Created($"/api/admin/tokens/{token.Id}", new { id = token.Id, token = secret, role, areaId, name });
    }

    private static async Task<IResult> ListTokensAsync(ITokenStore tokens, CancellationToken cancellationToken) =>
        Results.Ok((await tokens.ListTokensAsync(cancellationToken)).Select(t => new
        {
            id = t.Id, name = t.Name, role = t.Role, areaId = t.AreaId, createdAt = t.CreatedAt, revokedAt = t.RevokedAt,
        }));

    private static async Task<IResult> RevokeTokenAsync(string id, HttpContext http, ITokenStore tokens, Audit audit, TimeProvider time)
    {
        if (!await tokens.RevokeTokenAsync(id, time.GetUtcNow(), http.RequestAborted))
            return Results.Problem(statusCode: 404, title: "Unknown token", detail: $"There is no unrevoked token with id '{id}'.");
        await audit.RecordAsync(http, "token.revoked", id);
        return Results.NoContent();
    }

    private static async Task<IResult> CreateIngestKeyAsync(HttpContext http, IIngestKeyStore keys, AreaTree tree, Audit audit, TimeProvider time)
    {
        var (request, problem) = await RequestJson.ReadAsync<IngestKeyRequest>(http.Request, http.RequestAborted);
        if (problem is not null) return problem;
        var source = request!.Source?.Trim();
        if (string.IsNullOrEmpty(source) || source.Length > MaxNameLength) return RequestJson.Invalid("source", $"is required, at most {MaxNameLength} characters");
        if (request.AreaIds is not { Length: > 0 } areaIds || areaIds.Length > 1000)
            return RequestJson.Invalid("areaIds", "name the areas (1 to 1000) this source may write; their subtrees are included");
        for (var i = 0; i < areaIds.Length; i++)
            if (areaIds[i] is null || !tree.TryGet(areaIds[i], out _)) return RequestJson.Invalid($"areaIds[{i}]", $"there is no area with id '{areaIds[i]}'");

        var secret = Secrets.NewSecret(IngestKeys.Prefix);
        var key = new IngestKey(Secrets.NewId(), source, areaIds.Distinct(StringComparer.Ordinal).ToList(), Secrets.Sha256(secret), time.GetUtcNow(), null);
        await keys.AddIngestKeyAsync(key, http.RequestAborted);
        await audit.RecordAsync(http, "ingest-key.created", $"{key.Id} source={source} areas={string.Join(',', key.AreaIds)}");
        return Results.Created($"/api/admin/ingest-keys/{key.Id}", new { id = key.Id, key = secret, source, areaIds = key.AreaIds });
    }

    private static async Task<IResult> ListIngestKeysAsync(IIngestKeyStore keys, CancellationToken cancellationToken) =>
        Results.Ok((await keys.ListIngestKeysAsync(cancellationToken)).Select(k => new
        {
            id = k.Id, source = k.Source, areaIds = k.AreaIds, createdAt = k.CreatedAt, revokedAt = k.RevokedAt,
        }));

    private static async Task<IResult> RevokeIngestKeyAsync(string id, HttpContext http, IIngestKeyStore keys, Audit audit, TimeProvider time)
    {
        if (!await keys.RevokeIngestKeyAsync(id, time.GetUtcNow(), http.RequestAborted))
            return Results.Problem(statusCode: 404, title: "Unknown ingest key", detail: $"There is no unrevoked ingest key with id '{id}'.");
        await audit.RecordAsync(http, "ingest-key.revoked", id);
        return Results.NoContent();
    }

    private static async Task<IResult> ReadAuditAsync(string? limit, IAuditLog log, CancellationToken cancellationToken)
    {
        var count = 200;
        if (limit is not null && (!int.TryParse(limit, out count) || count is < 1 or > 10_000))
            return RequestJson.Invalid("limit", "must be a whole number from 1 to 10000");
        return Results.Ok((await log.ReadAuditAsync(count, cancellationToken)).Select(e => new { id = e.Id, at = e.At, actor = e.Actor, action = e.Action, detail = e.Detail }));
    }
}
