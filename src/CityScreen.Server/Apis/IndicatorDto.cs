using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;
using CityScreen.Server.Wall;

namespace CityScreen.Server.Apis;

/// <summary>
/// The JSON shape of an area's indicators, shared by <c>GET /api/areas/{id}</c> and the hub's
/// <c>indicators</c> message: <c>values</c> holds every catalogue indicator as a number (rates in
/// 0..1, null when there is nothing to divide by), <c>counts</c> the numerator and denominator
/// behind each rate or mean, <c>series</c> the hourly and daily buckets, <c>categories</c> the case mix,
/// <c>departments</c> each department's <see cref="DepartmentCatalog"/> indicators and counts in the
/// area (only departments with work there in 30 days), <c>openWhistles</c> the whistle board.
/// </summary>
public static class IndicatorDto
{
    public sealed record RateCounts(long Numerator, long Denominator);

    /// <summary>
    /// The hourly and daily buckets; <c>fromRollupsUntil</c> is the last day (inclusive) whose daily
    /// counts come from the daily rollups of the demo's simulated history rather than from events
    /// (null when no day does, as in the hub's message, which carries the live buckets only).
    /// </summary>
    public sealed record Buckets(
        DateTimeOffset HourAnchor, DateOnly DayAnchor, int[] ReportedHourly, int[] ClosedHourly, int[] ReportedDaily, int[] ClosedDaily,
        DateOnly? FromRollupsUntil = null);

    public sealed record CaseMix(Dictionary<string, int> Today, Dictionary<string, int> Days30);

    /// <summary>One department's indicators (DP01–DP07) and the numerator and denominator behind each rate or mean.</summary>
    public sealed record DepartmentValues(Dictionary<string, double?> Indicators, Dictionary<string, RateCounts> Counts);

    /// <summary>The hub's <c>indicators</c> message.</summary>
    public sealed record IndicatorsMessage(
        string AreaId, long Version, DateTimeOffset At, Dictionary<string, double?> Values, Dictionary<string, RateCounts> Counts, Buckets Series, CaseMix Categories,
        Dictionary<string, DepartmentValues> Departments, OpenWhistle[] OpenWhistles);

    /// <summary>A department's values from its counters (null: no work in the area, every count zero).</summary>
    public static DepartmentValues Department(long[]? counters) => new(
        DepartmentCatalog.All.ToDictionary(d => d.Id, d => d.ValueOf(counters) is { } x ? Math.Round(x, 6) : (double?)null),
        DepartmentCatalog.All.Where(d => d.Denominator is not null).ToDictionary(
            d => d.Id, d => new RateCounts(counters?[(int)d.Numerator] ?? 0, counters?[(int)d.Denominator!.Value] ?? 0)));

    /// <summary>Every department with work in the area, by id (ordinal order).</summary>
    public static Dictionary<string, DepartmentValues> Departments(IndicatorValues v) =>
        v.Departments.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => Department(kv.Value));

    public static Dictionary<string, double?> Values(IndicatorValues v) =>
        IndicatorCatalog.All.ToDictionary(d => d.Id, d => d.ValueOf(v) is { } x ? Math.Round(x, 6) : (double?)null);

    public static Dictionary<string, RateCounts> Counts(IndicatorValues v) =>
        IndicatorCatalog.All.Where(d => d.Denominator is not null)
            .ToDictionary(d => d.Id, d => new RateCounts(v[d.Numerator], v[d.Denominator!.Value]));

    public static Buckets Series(IndicatorValues v) =>
        new(v.HourAnchor, v.DayAnchor, v.ReportedHourly, v.ClosedHourly, v.ReportedDaily, v.ClosedDaily);

    /// <summary>The buckets with the days before the events at hand filled from the rollups (see <see cref="DailyHistory"/>).</summary>
    public static Buckets Series(IndicatorValues v, DailyHistory.AreaDays? days)
    {
        var daily = DailyHistory.Fill(v, days);
        return new(v.HourAnchor, v.DayAnchor, v.ReportedHourly, v.ClosedHourly, daily.Reported, daily.Closed, daily.FromRollupsUntil);
    }

    public static CaseMix Categories(IndicatorValues v) => new(
        CaseVocabulary.Categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => v.CategoriesToday[x.i]),
        CaseVocabulary.Categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => v.Categories30[x.i]));

    public static IndicatorsMessage Message(IndicatorSnapshot s) =>
        new(s.AreaId, s.Version, s.At, Values(s.Values), Counts(s.Values), Series(s.Values), Categories(s.Values),
            Departments(s.Values), s.Values.OpenWhistles);
}
