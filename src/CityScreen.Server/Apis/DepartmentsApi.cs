using System.Globalization;
using System.Text;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Domain.Time;
using CityScreen.Server.Cases;
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
/// <c>GET /api/departments/{id}/cases?areaId=…</c> lists the whistles that summoned it there (CSV too).
/// </summary>
public static class DepartmentsApi
{
    public sealed record DepartmentRow(string Id, string Name, string ShortName, string Kind, string Level, IReadOnlyList<string> Streets);

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
        departments.MapGet("/{id}/cases", CasesAsync).RequireRateLimiting(ReadLimits.Policy);
        app.MapGroup("/api/areas").RequireAuthorization(Policies.Read).MapGet("/{id}/departments", RankAsync);
        return app;
    }

    /// <summary>The directory; a scoped caller sees the departments serving its scope.</summary>
    private static Ok<IEnumerable<DepartmentRow>> List(DepartmentDirectory directory, AreaTree tree, HttpContext http)
    {
        var scope = http.Scope(tree);
        var streets = scope is null ? [] : StreetsOf(tree, scope.Root.Id);
        return TypedResults.Ok(directory.Serving(streets).Select(d => new DepartmentRow(d.Id, d.Name, d.Label, d.Kind, d.Level, d.Streets)));
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
        return TypedResults.Ok(new DepartmentRanking(area.Id, area.Name, snapshot.Version, snapshot.At, Rank(directory, tree, id, snapshot.Values)));
    }

    /// <summary>
    /// The departments serving the area or working in it, by DP02, then DP04 (best first, no value
    /// last): the API's ranking and the department section of an area's /explore page.
    /// </summary>
    public static List<RankedDepartment> Rank(DepartmentDirectory directory, AreaTree tree, string areaId, Contracts.Indicators.IndicatorValues values)
    {
        var worked = values.Departments;
        var serving = directory.Serving(StreetsOf(tree, areaId)).Concat(directory.All.Where(d => worked.ContainsKey(d.Id))).Distinct();
        return serving
            .Select(d => (Department: d, Values: IndicatorDto.Department(worked.GetValueOrDefault(d.Id))))
            .OrderByDescending(x => x.Values.Indicators["DP02"] ?? -1)
            .ThenByDescending(x => x.Values.Indicators["DP04"] ?? -1)
            .ThenBy(x => x.Department.Id, StringComparer.Ordinal)
            .Select((x, i) => new RankedDepartment(i + 1, x.Department.Id, x.Department.Name, x.Department.Kind, x.Department.Level,
                x.Values.Indicators, x.Values.Counts))
            .ToList();
    }

    /// <summary>
    /// The whistles that summoned the department on the area's cases (<c>?status=</c>, <c>late=true</c>,
    /// <c>from</c>/<c>to</c> whistle dates), as JSON or <c>?format=csv</c>; the area defaults to the
    /// caller's scope, and an area outside it answers as unknown.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<DepartmentCaseRow>>, FileContentHttpResult, ProblemHttpResult>> CasesAsync(
        string id, string? areaId, string? status, bool? late, string? from, string? to, string? format,
        DepartmentDirectory directory, DepartmentWorkService work, AreaTree tree, CityClock clock, HttpContext http, CancellationToken cancellationToken)
    {
        var areaWanted = areaId ?? http.Scope(tree)?.Root.Id ?? tree.Root.Id;
        if (!http.MaySee(tree, areaWanted) || !tree.TryGet(areaWanted, out var area)) return ApiProblems.UnknownArea(areaWanted);
        if (!directory.TryGet(id, out var department)) return ApiProblems.NotFound("Unknown department", $"There is no department with id '{id}'.");
        CaseStatus? statusWanted = null;
        if (status is not null)
        {
            if (!CaseVocabulary.TryParse<CaseStatus>(status, out var parsed))
                return ApiProblems.InvalidParameter("status", $"'{status}' is not one of {string.Join(", ", CaseVocabulary.Statuses)}");
            statusWanted = parsed;
        }
        if (!CasesApi.TryDate(from, out var fromDate)) return ApiProblems.InvalidParameter("from", $"'{from}' is not a date (YYYY-MM-DD)");
        if (!CasesApi.TryDate(to, out var toDate)) return ApiProblems.InvalidParameter("to", $"'{to}' is not a date (YYYY-MM-DD)");
        if (fromDate > toDate) return ApiProblems.InvalidParameter("from", "must not be after 'to'");
        if (format is not null and not "csv" and not "json") return ApiProblems.InvalidParameter("format", "must be 'csv' or 'json'");

        var rows = await work.CasesAsync(area, department.Id, new DepartmentCaseQuery(statusWanted, late ?? false, fromDate, toDate), cancellationToken);
        if (format != "csv") return TypedResults.Ok(rows);
        var csv = new StringBuilder("案件编号,标题,类别,等级,网格,吹哨时间,报到时限（分钟）,报到时间,报到,案件状态,处置完成,结案时间,评价\n");
        foreach (var r in rows)
            csv.AppendJoin(',', [CsvField.Of(r.CaseId), CsvField.Of(r.Title), CsvField.Of(r.Category), r.Level.ToJsonName(), CsvField.Of(r.GridName),
                Time(r.WhistledAt, clock), r.LimitMinutes.ToString(CultureInfo.InvariantCulture), Time(r.ArrivedAt, clock),
                r.OnTime switch { true => "按时", false => "迟到", null => "待报到" }, r.Status.ToJsonName(), Time(r.ResolvedAt, clock), Time(r.ClosedAt, clock),
                r.Score?.ToString(CultureInfo.InvariantCulture) ?? ""]).Append('\n');
        return CasesApi.CsvFile(csv, $"department-{department.Id}-{area.Id}.csv");
    }

    private static string Time(DateTimeOffset? t, CityClock clock) => t is { } v ? clock.ToLocal(v).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>The streets an area touches: the streets below it, or the street above it.</summary>
    private static HashSet<string> StreetsOf(AreaTree tree, string areaId)
    {
        var area = tree.Get(areaId);
        if (area.Level >= AreaLevel.Street)
            return [.. new[] { area }.Concat(tree.Ancestors(areaId)).Where(a => a.Level == AreaLevel.Street).Select(a => a.Id)];
        return [.. tree.AtLevel(AreaLevel.Street).Where(s => tree.IsInSubtree(s.Id, areaId)).Select(s => s.Id)];
    }
}
