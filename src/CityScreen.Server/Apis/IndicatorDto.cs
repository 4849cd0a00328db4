using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;

namespace CityScreen.Server.Apis;

/// <summary>
/// The JSON shape of an area's indicators, shared by <c>GET /api/areas/{id}</c> and the hub's
/// <c>indicators</c> message: <c>values</c> holds every catalogue indicator as a number (rates in
/// 0..1, null when there is nothing to divide by), <c>counts</c> the numerator and denominator
/// behind each rate or mean, <c>series</c> the hourly and daily buckets, <c>categories</c> the case mix.
/// </summary>
public static class IndicatorDto
{
    public sealed record RateCounts(long Numerator, long Denominator);

    public sealed record Buckets(
        DateTimeOffset HourAnchor, DateOnly DayAnchor, int[] ReportedHourly, int[] ClosedHourly, int[] ReportedDaily, int[] ClosedDaily);

    public sealed record CaseMix(Dictionary<string, int> Today, Dictionary<string, int> Days30);

    /// <summary>The hub's <c>indicators</c> message.</summary>
    public sealed record IndicatorsMessage(
        string AreaId, long Version, DateTimeOffset At, Dictionary<string, double?> Values, Dictionary<string, RateCounts> Counts, Buckets Series, CaseMix Categories);

    public static Dictionary<string, double?> Values(IndicatorValues v) =>
        IndicatorCatalog.All.ToDictionary(d => d.Id, d => d.ValueOf(v) is { } x ? Math.Round(x, 6) : (double?)null);

    public static Dictionary<string, RateCounts> Counts(IndicatorValues v) =>
        IndicatorCatalog.All.Where(d => d.Denominator is not null)
            .ToDictionary(d => d.Id, d => new RateCounts(v[d.Numerator], v[d.Denominator!.Value]));

    public static Buckets Series(IndicatorValues v) =>
        new(v.HourAnchor, v.DayAnchor, v.ReportedHourly, v.ClosedHourly, v.ReportedDaily, v.ClosedDaily);

    public static CaseMix Categories(IndicatorValues v) => new(
        CaseVocabulary.Categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => v.CategoriesToday[x.i]),
        CaseVocabulary.Categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => v.Categories30[x.i]));

    public static IndicatorsMessage Message(IndicatorSnapshot s) =>
        new(s.AreaId, s.Version, s.At, Values(s.Values), Counts(s.Values), Series(s.Values), Categories(s.Values));
}
