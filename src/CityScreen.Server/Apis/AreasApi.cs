using CityScreen.Areas;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Index;
using CityScreen.Server.Feed;
using CityScreen.Server.Security;
using CityScreen.Server.Wall;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityScreen.Server.Apis;

/// <summary><c>GET /api/areas</c> and <c>GET /api/areas/{id}</c>, narrowed to the caller's scope.</summary>
public static class AreasApi
{
    public sealed record AreaRow(string Id, string Name, string Level, string? ParentId);

    public sealed record Residents(int Population, int Households, int PartyOrganisations, int MembersExpected, int ResidentUnits);

    /// <summary>
    /// One area with its live indicators (see <see cref="IndicatorDto"/>) and its 实时发展指数
    /// (<see cref="LiveIndices"/>; null before the first nightly index).
    /// </summary>
    public sealed record AreaIndicators(
        string Id, string Name, string Level, string? ParentId, long Version, DateTimeOffset At,
        Dictionary<string, double?> Indicators, Dictionary<string, IndicatorDto.RateCounts> Counts, IndicatorDto.Buckets Series,
        IndicatorDto.CaseMix Categories, Residents Profile, IReadOnlyList<string> Children,
        Dictionary<string, IndicatorDto.DepartmentValues> Departments, OpenWhistle[] OpenWhistles, LiveIndex? LiveIndex);

    public static IEndpointRouteBuilder MapAreasApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/areas").RequireAuthorization(Policies.Read).RequireRateLimiting(ReadLimits.Policy);
        group.MapGet("/", ListAreas);
        group.MapGet("/{id}", GetAreaAsync);
        return app;
    }

    private static Ok<IEnumerable<AreaRow>> ListAreas(AreaTree tree, HttpContext http)
    {
        var scope = http.Scope(tree);
        return TypedResults.Ok(tree.All.Where(a => scope?.Contains(a.Id) == true).Select(a => new AreaRow(a.Id, a.Name, a.Level.ToApiName(), scope!.ParentShown(a.ParentId))));
    }

    private static async Task<Results<Ok<AreaIndicators>, ProblemHttpResult>> GetAreaAsync(
        string id, AreaTree tree, ScreenFeed feed, DailyHistory history, LiveIndices live, HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.MaySee(tree, id) || !tree.TryGet(id, out var area)) return ApiProblems.UnknownArea(id);
        var snapshot = await feed.GetOrFetchAsync(id, cancellationToken);
        var days = await history.ForAsync(id, cancellationToken);
        var liveIndex = await live.GetAsync(id, cancellationToken);
        var p = area.Profile;
        return TypedResults.Ok(new AreaIndicators(
            area.Id, area.Name, area.Level.ToApiName(), http.Scope(tree)!.ParentShown(area.ParentId), snapshot.Version, snapshot.At,
            IndicatorDto.Values(snapshot.Values), IndicatorDto.Counts(snapshot.Values), IndicatorDto.Series(snapshot.Values, days),
            IndicatorDto.Categories(snapshot.Values),
            new Residents(p.Population, p.Households, p.PartyOrganisations, p.MembersExpected, p.ResidentUnits),
            area.ChildIds, IndicatorDto.Departments(snapshot.Values), snapshot.Values.OpenWhistles, liveIndex));
    }
}
