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
    public static Dictionary<string, double?> Values(IndicatorValues v) =>
        IndicatorCatalog.All.ToDictionary(d => d.Id, d => d.ValueOf(v) is { } x ? Math.Round(x, 6) : (double?)null);

    public static Dictionary<string, object> Counts(IndicatorValues v) =>
        IndicatorCatalog.All.Where(d => d.Denominator is not null)
            .ToDictionary(d => d.Id, d => (object)new { numerator = v[d.Numerator], denominator = v[d.Denominator!.Value] });

    public static object Series(IndicatorValues v) => new
    {
        hourAnchor = v.HourAnchor,
        dayAnchor = v.DayAnchor,
        reportedHourly = v.ReportedHourly,
        closedHourly = v.ClosedHourly,
        reportedDaily = v.ReportedDaily,
        closedDaily = v.ClosedDaily,
    };

    public static object Categories(IndicatorValues v) => new
    {
        today = CaseVocabulary.Categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => v.CategoriesToday[x.i]),
        days30 = CaseVocabulary.Categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => v.Categories30[x.i]),
    };

    /// <summary>The hub's <c>indicators</c> message.</summary>
    public static object Message(IndicatorSnapshot s) => new
    {
        areaId = s.AreaId,
        version = s.Version,
        at = s.At,
        values = Values(s.Values),
        counts = Counts(s.Values),
        series = Series(s.Values),
        categories = Categories(s.Values),
    };
}
