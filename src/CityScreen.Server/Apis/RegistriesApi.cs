using System.Globalization;
using System.Text;
using CityScreen.Areas;
using CityScreen.Domain.CoBuilding;
using CityScreen.Domain.Time;
using CityScreen.Server.CoBuilding;
using CityScreen.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityScreen.Server.Apis;

/// <summary>
/// A community's three lists and its units (共驻共建): <c>GET /api/areas/{id}/needs</c>, <c>/resources</c>,
/// <c>/projects</c> and <c>/units</c>, for a community or one of its grids (a grid's own rows), filtered
/// by <c>status</c>, <c>unit</c> and the dates <c>from</c>/<c>to</c> (listed, published or registered),
/// <c>?format=csv</c> to export. Scope as for cases: an area the caller may not see is unknown.
/// </summary>
public static class RegistriesApi
{
    public static IEndpointRouteBuilder MapRegistriesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/areas/{id}/needs", NeedsAsync).RequireAuthorization(Policies.Read).RequireRateLimiting(ReadLimits.Policy);
        app.MapGet("/api/areas/{id}/resources", ResourcesAsync).RequireAuthorization(Policies.Read).RequireRateLimiting(ReadLimits.Policy);
        app.MapGet("/api/areas/{id}/projects", ProjectsAsync).RequireAuthorization(Policies.Read).RequireRateLimiting(ReadLimits.Policy);
        app.MapGet("/api/areas/{id}/units", UnitsAsync).RequireAuthorization(Policies.Read).RequireRateLimiting(ReadLimits.Policy);
        return app;
    }

    /// <summary>The filters of every list (<see cref="RegistryFilter"/>), checked before any reading.</summary>
    private sealed record Query(RegistryFilter Filter, Area Community, bool Csv);

    private static async Task<Results<Ok<IReadOnlyList<NeedRow>>, FileContentHttpResult, ProblemHttpResult>> NeedsAsync(
        string id, string? status, string? unit, string? from, string? to, string? format,
        RegistryListService lists, AreaTree tree, CityClock clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (Check(id, status, NeedRow.Statuses, unit, from, to, format, lists, tree, http) is not { } q) return Problem(id, status, NeedRow.Statuses, from, to, format, lists, tree, http);
        if (q.Filter.Unit is not null) return ApiProblems.InvalidParameter("unit", "needs are not a unit's: filter resources, projects or units by unit");
        var rows = q.Filter.Needs(await lists.RegistryAsync(q.Community, cancellationToken), clock).ToList();
        if (!q.Csv) return TypedResults.Ok<IReadOnlyList<NeedRow>>(rows);
        return CsvFile("需求编号,标题,类别,来源,列入时间,状态,项目", rows.Select(r => new[]
            { r.NeedId, r.Title, r.Category, r.Origin, Time(r.ListedAt, clock), r.Status, string.Join(' ', r.ProjectIds) }), $"needs-{id}.csv");
    }

    private static async Task<Results<Ok<IReadOnlyList<ResourceRow>>, FileContentHttpResult, ProblemHttpResult>> ResourcesAsync(
        string id, string? unit, string? from, string? to, string? format,
        RegistryListService lists, AreaTree tree, CityClock clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (Check(id, null, [], unit, from, to, format, lists, tree, http) is not { } q) return Problem(id, null, [], from, to, format, lists, tree, http);
        var rows = q.Filter.Resources(await lists.RegistryAsync(q.Community, cancellationToken), clock).ToList();
        if (!q.Csv) return TypedResults.Ok<IReadOnlyList<ResourceRow>>(rows);
        return CsvFile("资源编号,单位编号,单位,标题,类别,列入时间", rows.Select(r => new[]
            { r.ResourceId, r.UnitId, r.UnitName ?? "", r.Title, r.Category, Time(r.ListedAt, clock) }), $"resources-{id}.csv");
    }

    private static async Task<Results<Ok<IReadOnlyList<ProjectRow>>, FileContentHttpResult, ProblemHttpResult>> ProjectsAsync(
        string id, string? status, string? unit, string? from, string? to, string? format,
        RegistryListService lists, AreaTree tree, CityClock clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (Check(id, status, ProjectRow.Statuses, unit, from, to, format, lists, tree, http) is not { } q) return Problem(id, status, ProjectRow.Statuses, from, to, format, lists, tree, http);
        var rows = q.Filter.Projects(await lists.RegistryAsync(q.Community, cancellationToken), clock).ToList();
        if (!q.Csv) return TypedResults.Ok<IReadOnlyList<ProjectRow>>(rows);
        return CsvFile("项目编号,标题,发布时间,需求,资源,认领单位编号,认领单位,认领时间,完成时间,状态,评价数,平均评分", rows.Select(r => new[]
        {
            r.ProjectId, r.Title ?? "", Time(r.PublishedAt, clock), string.Join(' ', r.NeedIds), string.Join(' ', r.ResourceIds), r.UnitId ?? "", r.UnitName ?? "",
            Time(r.ClaimedAt, clock), Time(r.CompletedAt, clock), r.Status, r.Ratings.ToString(CultureInfo.InvariantCulture), Number(r.MeanScore),
        }), $"projects-{id}.csv");
    }

    private static async Task<Results<Ok<IReadOnlyList<UnitRow>>, FileContentHttpResult, ProblemHttpResult>> UnitsAsync(
        string id, string? status, string? unit, string? from, string? to, string? format,
        RegistryListService lists, AreaTree tree, CityClock clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (Check(id, status, UnitRow.Statuses, unit, from, to, format, lists, tree, http) is not { } q) return Problem(id, status, UnitRow.Statuses, from, to, format, lists, tree, http);
        var rows = q.Filter.Units(await lists.RegistryAsync(q.Community, cancellationToken), clock).ToList();
        if (!q.Csv) return TypedResults.Ok<IReadOnlyList<UnitRow>>(rows);
        return CsvFile("单位编号,名称,类型,报到时间,共建协议签订时间,党员数,认领项目,完成项目,平均评分,状态", rows.Select(r => new[]
        {
            r.UnitId, r.Name, r.Kind, Time(r.RegisteredAt, clock), Time(r.AgreementSignedAt, clock), r.PartyMembers?.ToString(CultureInfo.InvariantCulture) ?? "",
            r.ProjectsClaimed.ToString(CultureInfo.InvariantCulture), r.ProjectsCompleted.ToString(CultureInfo.InvariantCulture), Number(r.MeanScore), r.Status,
        }), $"units-{id}.csv");
    }

    private static Query? Check(string id, string? status, IReadOnlyList<string> statuses, string? unit, string? from, string? to, string? format,
        RegistryListService lists, AreaTree tree, HttpContext http)
    {
        if (!http.MaySee(tree, id) || !tree.TryGet(id, out var area) || lists.CommunityOf(area) is not { } community) return null;
        if (status is not null && !statuses.Contains(status)) return null;
        if (!TryDate(from, out var f) || !TryDate(to, out var t) || f > t) return null;
        if (format is not null and not "csv" and not "json") return null;
        return new Query(new RegistryFilter(area, status, unit, f, t), community, format == "csv");
    }

    /// <summary>Why <see cref="Check"/> refused: the first bad parameter, named.</summary>
    private static ProblemHttpResult Problem(string id, string? status, IReadOnlyList<string> statuses, string? from, string? to, string? format,
        RegistryListService lists, AreaTree tree, HttpContext http)
    {
        if (!http.MaySee(tree, id) || !tree.TryGet(id, out var area)) return ApiProblems.UnknownArea(id);
        if (lists.CommunityOf(area) is null)
            return ApiProblems.InvalidParameter("id", $"'{id}' is a {area.Level.ToApiName()}; the lists are a community's — open one of its communities");
        if (status is not null && !statuses.Contains(status))
            return ApiProblems.InvalidParameter("status", statuses.Count == 0 ? "this list has no status" : $"'{status}' is not one of {string.Join(", ", statuses)}");
        if (!TryDate(from, out var f)) return ApiProblems.InvalidParameter("from", $"'{from}' is not a date (YYYY-MM-DD)");
        if (!TryDate(to, out var t)) return ApiProblems.InvalidParameter("to", $"'{to}' is not a date (YYYY-MM-DD)");
        if (f > t) return ApiProblems.InvalidParameter("from", "must not be after 'to'");
        return ApiProblems.InvalidParameter("format", "must be 'csv' or 'json'");
    }

    private static bool TryDate(string? s, out DateOnly? date)
    {
        date = null;
        if (s is null) return true;
        if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        date = d;
        return true;
    }

    private static FileContentHttpResult CsvFile(string header, IEnumerable<string[]> rows, string name)
    {
        var csv = new StringBuilder(header).Append('\n');
        foreach (var row in rows) csv.AppendJoin(',', row.Select(CsvField.Of)).Append('\n');
        // UTF-8 with a byte-order mark, as the case export, so Excel on a Chinese desktop opens it right.
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name);
    }

    private static string Time(DateTimeOffset? t, CityClock clock) => t is { } v ? clock.ToLocal(v).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    private static string Number(double? x) => x?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
