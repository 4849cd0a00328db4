using CityScreen.Areas;
using CityScreen.Domain.Departments;
using CityScreen.Domain.Indicators;
using CityScreen.Server.Feed;
using CityScreen.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityScreen.Server.Apis;

/// <summary>
/// The departments (职能部门) and their work: <c>GET /api/departments</c> (the directory),
/// <c>GET /api/departments/{id}?areaId=…</c> (one department's indicators in an area) and
/// <c>GET /api/areas/{id}/departments</c> (the ranking of the departments serving an area). A
/// department's values in an area are the sum over that area's subtree, like any indicator, so a
/// caller scoped to a street sees what the departments did in that street only.
/// </summary>
public static class DepartmentsApi
{
    public sealed record DepartmentRow(string Id, string Name, string Kind, string Level, IReadOnlyList<string> Streets);

    /// <summary>A department in an area, in the shape of an area: <c>{id, name, indicators, counts}</c>.</summary>
    public sealed record DepartmentIndicators(
        string Id, string Name, string Kind, string Level, string AreaId, long Version, DateTimeOffset At,
        Dictionary<string, double?> Indicators, Dictionary<string, IndicatorDto.RateCounts> Counts);

    /// <summary>The ranking: every department serving the area or working in it, by DP02, then DP04 (best first, no value last).</summary>
    public sealed record DepartmentRanking(string AreaId, string AreaName, long Version, DateTimeOffset At, IReadOnlyList<RankedDepartment> Departments);

    public sealed record RankedDepartment(
        int Rank, string Id, string Name, string Kind, string Level,
        Dictionary<string, double?> Indicators, Dictionary<string, IndicatorDto.RateCounts> Counts);

    public static IEndpointRouteBuilder MapDepartmentsApi(this IEndpointRouteBuilder app)
    {
        var departments = app.MapGroup("/api/departments").RequireAuthorization(Policies.Read);
        departments.MapGet("/", List);
        departments.MapGet("/{id}", GetAsync);
        app.MapGroup("/api/areas").RequireAuthorization(Policies.Read).MapGet("/{id}/departments", RankAsync);
        return app;
    }

    /// <summary>The directory; a scoped caller sees the departments serving its scope.</summary>
    private static Ok<IEnumerable<DepartmentRow>> List(DepartmentDirectory directory, AreaTree tree, HttpContext http)
    {
        var scope = http.Scope(tree);
        var streets = scope is null ? [] : StreetsOf(tree, scope.Root.Id);
        return TypedResults.Ok(directory.Serving(streets).Select(d => new DepartmentRow(d.Id, d.Name, d.Kind, d.Level, d.Streets)));
    }

    private static async Task<Results<Ok<DepartmentIndicators>, ProblemHttpResult>> GetAsync(
        string id, string? areaId, DepartmentDirectory directory, AreaTree tree, ScreenFeed feed, HttpContext http, CancellationToken cancellationToken)
    {
        var area = areaId ?? http.Scope(tree)?.Root.Id ?? tree.Root.Id;
        if (!http.MaySee(tree, area)) return ApiProblems.UnknownArea(area);
        if (!directory.TryGet(id, out var department)) return ApiProblems.NotFound("Unknown department", $"There is no department with id '{id}'.");
        var snapshot = await feed.GetOrFetchAsync(area, cancellationToken);
        var values = IndicatorDto.Department(snapshot.Values.Departments.GetValueOrDefault(id));
        return TypedResults.Ok(new DepartmentIndicators(department.Id, department.Name, department.Kind, department.Level, area,
            snapshot.Version, snapshot.At, values.Indicators, values.Counts));
    }

    private static async Task<Results<Ok<DepartmentRanking>, ProblemHttpResult>> RankAsync(
        string id, DepartmentDirectory directory, AreaTree tree, ScreenFeed feed, HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.MaySee(tree, id) || !tree.TryGet(id, out var area)) return ApiProblems.UnknownArea(id);
        var snapshot = await feed.GetOrFetchAsync(id, cancellationToken);
        var worked = snapshot.Values.Departments;
        var serving = directory.Serving(StreetsOf(tree, id)).Concat(directory.All.Where(d => worked.ContainsKey(d.Id))).Distinct();
        var ranked = serving
            .Select(d => (Department: d, Values: IndicatorDto.Department(worked.GetValueOrDefault(d.Id))))
            .OrderByDescending(x => x.Values.Indicators["DP02"] ?? -1)
            .ThenByDescending(x => x.Values.Indicators["DP04"] ?? -1)
            .ThenBy(x => x.Department.Id, StringComparer.Ordinal)
            .Select((x, i) => new RankedDepartment(i + 1, x.Department.Id, x.Department.Name, x.Department.Kind, x.Department.Level,
                x.Values.Indicators, x.Values.Counts))
            .ToList();
        return TypedResults.Ok(new DepartmentRanking(area.Id, area.Name, snapshot.Version, snapshot.At, ranked));
    }

    /// <summary>The streets an area touches: the streets below it, or the street above it.</summary>
    private static HashSet<string> StreetsOf(AreaTree tree, string areaId)
    {
        var area = tree.Get(areaId);
        if (area.Level >= AreaLevel.Street)
            return [.. new[] { area }.Concat(tree.Ancestors(areaId)).Where(a => a.Level == AreaLevel.Street).Select(a => a.Id)];
        return [.. tree.AtLevel(AreaLevel.Street).Where(s => tree.IsInSubtree(s.Id, areaId)).Select(s => s.Id)];
    }
}
