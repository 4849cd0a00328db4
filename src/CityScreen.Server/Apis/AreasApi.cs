using CityScreen.Areas;
using CityScreen.Server.Feed;
using CityScreen.Server.Security;

namespace CityScreen.Server.Apis;

/// <summary><c>GET /api/areas</c> and <c>GET /api/areas/{id}</c>, narrowed to the caller's scope.</summary>
public static class AreasApi
{
    public static IEndpointRouteBuilder MapAreasApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/areas").RequireAuthorization(Policies.Read);
        group.MapGet("/", (AreaTree tree, HttpContext http) => tree.All.Where(a => http.Scope(tree)?.Contains(a.Id) == true).Select(a => new
        {
            id = a.Id,
            name = a.Name,
            level = a.Level.ToApiName(),
            parentId = a.ParentId,
        }));
        group.MapGet("/{id}", GetAreaAsync);
        return app;
    }

    private static async Task<IResult> GetAreaAsync(string id, AreaTree tree, ScreenFeed feed, HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.MaySee(tree, id) || !tree.TryGet(id, out var area))
            return Results.Problem(statusCode: 404, title: "Unknown area", detail: $"There is no area with id '{id}'.");
        var snapshot = await feed.GetOrFetchAsync(id, cancellationToken);
        var p = area.Profile;
        return Results.Ok(new
        {
            id = area.Id,
            name = area.Name,
            level = area.Level.ToApiName(),
            parentId = area.ParentId,
            version = snapshot.Version,
            at = snapshot.At,
            indicators = IndicatorDto.Values(snapshot.Values),
            counts = IndicatorDto.Counts(snapshot.Values),
            series = IndicatorDto.Series(snapshot.Values),
            categories = IndicatorDto.Categories(snapshot.Values),
            profile = new { p.Population, p.Households, p.PartyOrganisations, p.MembersExpected, p.ResidentUnits },
            children = area.ChildIds,
        });
    }
}
