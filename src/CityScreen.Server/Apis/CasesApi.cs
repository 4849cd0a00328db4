using System.Globalization;
using System.Text;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Time;
using CityScreen.Server.Cases;
using CityScreen.Server.Feed;
using CityScreen.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityScreen.Server.Apis;

/// <summary>
/// The drill-down's data: <c>GET /api/areas/{id}/cases</c> (a grid's cases, filtered; <c>?format=csv</c>
/// to export) and <c>GET /api/areas/{id}/children.csv</c> (the children and their indicators).
/// </summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/areas/{id}/cases", ListCasesAsync).RequireAuthorization(Policies.Read).RequireRateLimiting(ReadLimits.Policy);
        app.MapGet("/api/areas/{id}/children.csv", ChildrenCsvAsync).RequireAuthorization(Policies.Read).RequireRateLimiting(ReadLimits.Policy);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseRow>>, FileContentHttpResult, ProblemHttpResult>> ListCasesAsync(
        string id, string? status, string? category, bool? overdue, string? from, string? to, string? format,
        CaseListService cases, AreaTree tree, CityClock clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.MaySee(tree, id) || !tree.TryGet(id, out var area)) return ApiProblems.UnknownArea(id);
        if (area.ChildIds.Count != 0)
            return ApiProblems.InvalidParameter("id", $"'{id}' is a {area.Level.ToApiName()}; cases are listed per grid — open one of its grids");
        CaseStatus? statusWanted = null;
        if (status is not null)
        {
            if (!CaseVocabulary.TryParse<CaseStatus>(status, out var parsed))
                return ApiProblems.InvalidParameter("status", $"'{status}' is not one of {string.Join(", ", CaseVocabulary.Statuses)}");
            statusWanted = parsed;
        }
        if (category is not null && !CaseVocabulary.Categories.Contains(category))
            return ApiProblems.InvalidParameter("category", $"'{category}' is not a case category");
        if (!TryDate(from, out var fromDate)) return ApiProblems.InvalidParameter("from", $"'{from}' is not a date (YYYY-MM-DD)");
        if (!TryDate(to, out var toDate)) return ApiProblems.InvalidParameter("to", $"'{to}' is not a date (YYYY-MM-DD)");
        if (fromDate > toDate) return ApiProblems.InvalidParameter("from", "must not be after 'to'");
        if (format is not null and not "csv" and not "json") return ApiProblems.InvalidParameter("format", "must be 'csv' or 'json'");

        var rows = await cases.ListAsync(area, new CaseQuery(statusWanted, category, overdue ?? false, fromDate, toDate), cancellationToken);
        if (format != "csv") return TypedResults.Ok(rows);
        var csv = new StringBuilder("案件编号,标题,类别,来源,等级,上报时间,立案时间,处置时限,结案时间,状态,超期,返工次数,评价\n");
        foreach (var r in rows)
            csv.AppendJoin(',', [Csv(r.CaseId), Csv(r.Title), Csv(r.Category), Csv(r.Kind.ToJsonName()), Csv(r.Level.ToJsonName()), Time(r.ReportedAt, clock), Time(r.FiledAt, clock),
                Time(r.DueAt, clock), Time(r.ClosedAt, clock), r.Status.ToJsonName(), r.Overdue ? "是" : "否", r.Reopenings.ToString(CultureInfo.InvariantCulture),
                r.Score?.ToString(CultureInfo.InvariantCulture) ?? ""]).Append('\n');
        return CsvFile(csv, $"cases-{area.Id}.csv");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ChildrenCsvAsync(string id, AreaTree tree, ScreenFeed feed, HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.MaySee(tree, id) || !tree.TryGet(id, out var area)) return ApiProblems.UnknownArea(id);
        var csv = new StringBuilder("编号,名称,层级," + string.Join(',', IndicatorCatalog.All.Select(d => $"{d.Id} {d.Name}")) + "\n");
        foreach (var child in tree.Children(area.Id))
        {
            var s = await feed.GetOrFetchAsync(child.Id, cancellationToken, fresh: false);
            csv.Append(Csv(child.Id)).Append(',').Append(Csv(child.Name)).Append(',').Append(child.Level.ToApiName());
            foreach (var d in IndicatorCatalog.All)
                csv.Append(',').Append(d.ValueOf(s.Values)?.ToString("0.######", CultureInfo.InvariantCulture) ?? "");
            csv.Append('\n');
        }
        return CsvFile(csv, $"children-{area.Id}.csv");
    }

    /// <summary>UTF-8 with a byte-order mark, so Excel on a Chinese desktop opens it with the right characters.</summary>
    internal static FileContentHttpResult CsvFile(StringBuilder csv, string name) =>
        TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name);

    internal static bool TryDate(string? s, out DateOnly? date)
    {
        date = null;
        if (s is null) return true;
        if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        date = d;
        return true;
    }

    private static string Time(DateTimeOffset? t, CityClock clock) => t is { } v ? clock.ToLocal(v).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    private static string Csv(string value) => CsvField.Of(value);
}
