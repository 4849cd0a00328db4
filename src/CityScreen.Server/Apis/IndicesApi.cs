using System.Globalization;
using CityScreen.Areas;
using CityScreen.Domain.Index;
using CityScreen.Domain.Time;
using CityScreen.Jobs;
using CityScreen.Server.Security;
using CityScreen.Storage.Indices;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CityScreen.Server.Apis;

/// <summary>
/// The development index (发展指数) as the nightly job stored it: a level's indices on a date, an
/// area's history, the explanation of one value, and the manual recompute.
/// </summary>
public static class IndicesApi
{
    private const int MaxHistoryDays = 3660;
    private const int MaxRecomputeDays = 366;
    private const string NoIndex = "暂无指数";

    public sealed record DimensionScore(string Id, string Name, double Weight, double? Score);

    /// <summary>One area's index on a date; <c>Rank</c> is null for a viewer who may not see its siblings.</summary>
    public sealed record IndexRow(
        string AreaId, string Name, string Level, string? ParentId, string Date, double? Value, string? Grade, int? Stars, int? Rank,
        double? Change, string ModelVersion, bool Simulated, IEnumerable<DimensionScore> Dimensions);

    public sealed record HistoryPoint(string Date, double? Value, string? Grade, int? Stars, int? Rank, double? Change, bool Simulated);

    /// <summary>
    /// One sub-indicator's step: its pooled counts, value (shrunk; <c>RawValue</c> as counted,
    /// <c>Credibility</c> the z that mixed them), score and weight, and the model's definition of it.
    /// With <c>compare=previous</c>: <c>Change</c>, its contribution to the index's change in points,
    /// and the night before's value, score and counts.
    /// </summary>
    public sealed record IndicatorStep(
        string Id, string Name, double? Value, double? Score, double Weight, double Numerator, double Denominator,
        string? NumeratorInput, string? DenominatorInput, string? Unit, double? Target, double? Floor, bool? LowerIsBetter,
        double? RawValue = null, double? Credibility = null,
        double? Change = null, double? PreviousValue = null, double? PreviousScore = null, double? PreviousNumerator = null, double? PreviousDenominator = null);

    /// <summary>One dimension's step; with <c>compare=previous</c>, its contribution to the change in points and the night before's score and weight.</summary>
    public sealed record DimensionStep(
        string Id, string Name, double Weight, double? Score, IEnumerable<IndicatorStep> Indicators,
        double? Change = null, double? PreviousScore = null, double? PreviousWeight = null);

    /// <summary>An area's explanation; <c>PreviousValue</c> only with <c>compare=previous</c>, where <c>Change</c> = value − previousValue.</summary>
    public sealed record Explanation(
        string AreaId, string Name, string Level, string Date, double? Value, string? Grade, int? Stars, int? Rank, double? Change,
        string ModelVersion, bool Simulated, string WeightsMonth, IEnumerable<DimensionStep> Dimensions, IReadOnlyDictionary<string, double> Inputs,
        double? PreviousValue = null);

    public sealed record RecomputeQueued(string JobId, string From, string To);

    public static IEndpointRouteBuilder MapIndicesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/indices", GetIndicesAsync).RequireAuthorization(Policies.Read).RequireRateLimiting(ReadLimits.Policy);
        app.MapGet("/api/areas/{id}/index/history", GetHistoryAsync).RequireAuthorization(Policies.Read).RequireRateLimiting(ReadLimits.Policy);
        app.MapGet("/api/areas/{id}/index/{date}/explain", GetExplanationAsync).RequireAuthorization(Policies.Read).RequireRateLimiting(ReadLimits.Policy);
        app.MapPost("/api/admin/indices/recompute", PostRecomputeAsync).RequireAuthorization(Policies.Admin).DisableAntiforgery();
        return app;
    }

    /// <summary><c>GET /api/indices?level=community&amp;date=YYYY-MM-DD</c>: best first; the latest date computed when none is given.</summary>
    private static async Task<Results<Ok<IEnumerable<IndexRow>>, ProblemHttpResult>> GetIndicesAsync(
        [FromQuery] string? level, [FromQuery] string? date, AreaTree tree, IndexModel model, IIndexStore indices, HttpContext http, CancellationToken cancellationToken)
    {
        string? levelName = null;
        if (level is not null)
        {
            if (!AreaLevels.TryParse(level, out var parsed)) return Invalid("level", "must be one of city, district, street, community, grid");
            levelName = parsed.ToApiName();
        }
        DateOnly? day = null;
        if (date is not null)
        {
            if (ParseDate(date) is not { } d) return Invalid("date", "must be a date as YYYY-MM-DD");
            day = d;
        }
        day ??= await indices.LastDateAsync(model.Version, cancellationToken);
        if (day is not { } on) return NotComputed("no development index has been computed yet");

        var scope = http.Scope(tree);
        if (scope is null) return NotComputed($"no development index for {Iso(on)} yet");
        // A scoped reader's areas are chosen by the database, not filtered from a whole level in memory.
        var within = scope.Root.Id == tree.Root.Id ? null
            : tree.All.Where(a => scope.Contains(a.Id) && (levelName is null || a.Level.ToApiName() == levelName)).Select(a => a.Id).ToList();
        var records = await indices.ReadDateAsync(on, model.Version, levelName, cancellationToken, within);
        if (records.Count == 0) return NotComputed($"no development index for {Iso(on)} yet");
        return TypedResults.Ok(records
            .OrderByDescending(r => r.Value ?? double.NegativeInfinity)
            .ThenBy(r => r.AreaId, StringComparer.Ordinal)
            .Select(r => new IndexRow(
                r.AreaId, tree.TryGet(r.AreaId, out var area) ? area.Name : r.AreaId, r.Level, scope!.ParentShown(r.ParentId), Iso(r.Date), r.Value, r.Grade, r.Stars,
                scope!.SeesRankOf(r.AreaId) ? r.Rank : null, r.Change, r.ModelVersion, r.Simulated,
                r.Explanation.Dimensions.Select(d => new DimensionScore(d.Id, d.Name, d.Weight, d.Score)))));
    }

    /// <summary><c>GET /api/areas/{id}/index/history?days=90</c>: the last days up to the latest computed date, oldest first.</summary>
    private static async Task<Results<Ok<IEnumerable<HistoryPoint>>, ProblemHttpResult>> GetHistoryAsync(
        string id, [FromQuery] string? days, AreaTree tree, IndexModel model, IIndexStore indices, HttpContext http, CancellationToken cancellationToken)
    {
        var count = 90;
        if (days is not null && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxHistoryDays))
            return Invalid("days", $"must be a whole number from 1 to {MaxHistoryDays}");
        if (!http.MaySee(tree, id)) return ApiProblems.UnknownArea(id);
        if (await indices.LastDateAsync(model.Version, cancellationToken) is not { } last) return NotComputed("no development index has been computed yet");

        var points = await indices.HistoryAsync(id, model.Version, last.AddDays(1 - count), last, cancellationToken);
        if (points.Count == 0) return NotComputed($"no development index for area '{id}' yet");
        var seesRank = http.Scope(tree)?.SeesRankOf(id) == true;
        return TypedResults.Ok(points.Select(p => new HistoryPoint(Iso(p.Date), p.Value, p.Grade, p.Stars, seesRank ? p.Rank : null, p.Change, p.Simulated)));
    }

    /// <summary>
    /// <c>GET /api/areas/{id}/index/{date}/explain</c>: every step from the pooled counts to the
    /// value, such that value = Σ dimension weight × dimension score and each dimension score =
    /// Σ indicator weight × indicator score (the weights shown are those used). With
    /// <c>?compare=previous</c> it also says why the value moved since the night before: each
    /// dimension's and sub-indicator's contribution in points (<see cref="IndexComparison"/>), which
    /// add up to the change.
    /// </summary>
    private static async Task<Results<Ok<Explanation>, ProblemHttpResult>> GetExplanationAsync(
        string id, string date, [FromQuery] string? compare, AreaTree tree, IndexModel model, IIndexStore indices, HttpContext http, CancellationToken cancellationToken)
    {
        if (ParseDate(date) is not { } day) return Invalid("date", "must be a date as YYYY-MM-DD");
        if (compare is not (null or "previous")) return Invalid("compare", "must be 'previous'");
        if (!http.MaySee(tree, id) || !tree.TryGet(id, out var area)) return ApiProblems.UnknownArea(id);
        if (await indices.ReadAsync(id, day, model.Version, cancellationToken) is not { } r)
            return NotComputed($"no development index for area '{id}' on {Iso(day)}");

        IndexMovement? movement = null;
        if (compare is not null)
        {
            var before = await indices.ReadAsync(id, day.AddDays(-1), model.Version, cancellationToken);
            movement = IndexComparison.Of(r.Explanation, before?.Explanation);
        }
        var indicators = model.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        return TypedResults.Ok(new Explanation(
            r.AreaId, area.Name, r.Level, Iso(r.Date), r.Value, r.Grade, r.Stars, http.Scope(tree)?.SeesRankOf(id) == true ? r.Rank : null,
            movement is null ? r.Change : movement.Change,
            r.ModelVersion, r.Simulated, Iso(r.Weights.Month),
            r.Explanation.Dimensions.Select(d =>
            {
                var moved = movement?.Dimensions.FirstOrDefault(m => m.Id == d.Id);
                return new DimensionStep(d.Id, d.Name, d.Weight, d.Score, d.Indicators.Select(i =>
                {
                    var definition = indicators.GetValueOrDefault(i.Id);
                    var was = moved?.Indicators.FirstOrDefault(m => m.Id == i.Id);
                    return new IndicatorStep(
                        i.Id, i.Name, i.Value, i.Score, i.Weight, i.Numerator, i.Denominator,
                        definition?.Numerator, definition?.Denominator, definition?.Unit, definition?.Target, definition?.Floor, definition?.LowerIsBetter,
                        i.RawValue, i.Credibility,
                        was?.Change, was?.PreviousValue, was?.PreviousScore, was?.PreviousNumerator, was?.PreviousDenominator);
                }), moved?.Change, moved?.PreviousScore, moved?.PreviousWeight);
            }),
            r.Inputs,
            movement?.PreviousValue));
    }

    /// <summary>
    /// <c>POST /api/admin/indices/recompute?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c>: enqueues the job
    /// for those dates (up to yesterday) and answers 202 with its id; progress is on the dashboard.
    /// </summary>
    private static async Task<Results<Accepted<RecomputeQueued>, ProblemHttpResult>> PostRecomputeAsync(
        [FromQuery] string? from, [FromQuery] string? to, HttpContext http, CityClock clock, IBackgroundJobClient jobs, Audit audit)
    {
        if (from is null) return Invalid("from", "is required (YYYY-MM-DD)");
        if (ParseDate(from) is not { } first) return Invalid("from", "must be a date as YYYY-MM-DD");
        if (to is null) return Invalid("to", "is required (YYYY-MM-DD)");
        if (ParseDate(to) is not { } last) return Invalid("to", "must be a date as YYYY-MM-DD");
        var yesterday = clock.LocalDate(clock.Now).AddDays(-1);
        if (last > yesterday) return Invalid("to", $"must not be after yesterday ({Iso(yesterday)}): a day is computed once it is over");
        if (first > last) return Invalid("from", $"must not be after to ({Iso(last)})");
        if (last.DayNumber - first.DayNumber + 1 > MaxRecomputeDays) return Invalid("from", $"the range may span at most {MaxRecomputeDays} days");

        var jobId = jobs.Enqueue<DevelopmentIndexJob>(job => job.RunAsync(Iso(first), Iso(last), CancellationToken.None));
        await audit.RecordAsync(http, "index.recompute", $"{Iso(first)}..{Iso(last)} job {jobId}");
        return TypedResults.Accepted($"/hangfire/jobs/details/{jobId}", new RecomputeQueued(jobId, Iso(first), Iso(last)));
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ProblemHttpResult Invalid(string parameter, string message) => ApiProblems.InvalidParameter(parameter, message);

    private static ProblemHttpResult NotComputed(string detail) =>
        ApiProblems.NotFound(NoIndex, $"{NoIndex}: {detail}; the nightly job computes it after each day.");
}
