using CityScreen.Contracts.Walls;
using CityScreen.Server.Security;
using CityScreen.Server.Wall;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityScreen.Server.Apis;

/// <summary>
/// The fleet of open walls for admins and operators to script (the page is <c>/admin/walls</c>):
/// every wall of every host, and the remote reload and "show page", audited. A command reaches
/// the wall with its next heartbeat, within <see cref="WallBeacon.Every"/>. An operator bound to an
/// area sees the walls of its subtree only.
/// </summary>
public static class WallsApi
{
    /// <summary>One wall: what it shows, its screen, its data's age and its connection; <c>online</c> false once it fell silent.</summary>
    public sealed record WallRow(
        string Id, bool Online, string Host, string? AreaId, string? AreaName, string? Layout, string? Rotation, int? Page, int? PageCount,
        string Scale, int ScreenWidth, int ScreenHeight, long? MemoryBytes, DateTimeOffset? DataAt, double? DataAgeSeconds,
        DateTimeOffset ConnectedSince, DateTimeOffset LastSeen, int ReconnectsLastDay, string? User);

    /// <summary>A page of the wall's rotation by <c>index</c> (from 0), or a <c>layout</c>: the first rotation page with it, or, on a wall without a rotation, that layout at its area.</summary>
    public sealed record PageRequest(int? Index, string? Layout);

    /// <summary>The command left for the wall; it carries it out at its next heartbeat.</summary>
    public sealed record CommandSent(string WallId, string CommandId, string Kind, int? Page, string? Layout, int WithinSeconds);

    public static IEndpointRouteBuilder MapWallsApi(this IEndpointRouteBuilder app)
    {
        var walls = app.MapGroup("/api/admin/walls").RequireAuthorization(Policies.Operate).DisableAntiforgery();
        walls.MapGet("/", ListAsync)
            .WithSummary("Every open wall of every host, online or fallen silent (admins and operators)")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        walls.MapPost("/{id}/reload", ReloadAsync)
            .WithSummary("Reloads the wall's page (audited)")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        walls.MapPost("/{id}/page", ShowPageAsync)
            .WithSummary("Shows a page of the wall's rotation, or a layout at its area (audited)")
            .Accepts<PageRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<IEnumerable<WallRow>>> ListAsync(HttpContext http, FleetControl fleet, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return TypedResults.Ok((await fleet.ListAsync(http.User)).Select(w => Row(w, now)));
    }

    private static async Task<Results<Accepted<CommandSent>, ProblemHttpResult>> ReloadAsync(string id, HttpContext http, FleetControl fleet) =>
        Answer(id, await fleet.ReloadAsync(id, http.User));

    private static async Task<Results<Accepted<CommandSent>, ProblemHttpResult>> ShowPageAsync(string id, HttpContext http, FleetControl fleet)
    {
        var (request, problem) = await RequestJson.ReadAsync<PageRequest>(http.Request, http.RequestAborted);
        if (problem is not null) return problem;
        return Answer(id, await fleet.ShowPageAsync(id, request!.Index, string.IsNullOrWhiteSpace(request.Layout) ? null : request.Layout.Trim(), http.User));
    }

    private static Results<Accepted<CommandSent>, ProblemHttpResult> Answer(string id, FleetControl.Outcome outcome) => outcome.Result switch
    {
        FleetControl.Result.Sent when outcome.Command is { } c => TypedResults.Accepted((string?)null,
            new CommandSent(id, c.Id, c.Kind == WallCommandKind.Reload ? "reload" : "page", c.Page, c.Layout, (int)WallBeacon.Every.TotalSeconds)),
        FleetControl.Result.Offline => ApiProblems.Conflict("Wall offline", $"The wall '{id}' has fallen silent; a command would reach it only whenever it came back."),
        FleetControl.Result.InvalidPage => ApiProblems.InvalidField(outcome.Field!, outcome.Problem!),
        _ => ApiProblems.NotFound("Unknown wall", $"There is no wall with id '{id}' (see GET /api/admin/walls)."),
    };

    private static WallRow Row(WallStatus w, DateTimeOffset now)
    {
        var r = w.Last;
        return new WallRow(r.WallId, w.Online, r.Host, r.AreaId, r.AreaName, r.Layout, r.Rotation, r.Page, r.PageCount,
            r.Scale, r.ScreenWidth, r.ScreenHeight, r.MemoryBytes, r.DataAt, r.DataAt is { } at ? Math.Round((now - at).TotalSeconds, 1) : null,
            r.ConnectedSince, w.LastSeen, w.ReconnectsLastDay, r.User);
    }
}
