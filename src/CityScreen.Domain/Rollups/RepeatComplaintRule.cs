using CityScreen.Domain.Cases;

namespace CityScreen.Domain.Rollups;

/// <summary>
/// SA02 重复诉求: a 12345 report repeats an earlier one of the same category within 30 days
/// (<see cref="CaseRules.Repeats"/>) when it comes from the same caller (the platform's hash) or
/// from the same place (within <see cref="SamePlaceMetres"/>). The category alone is not enough:
/// a busy grid has a report of every common category every month, so every report would repeat.
/// </summary>
public static class RepeatComplaintRule
{
    /// <summary>Two reports this close are about the same spot (a 12345 location is a pin, not a survey).</summary>
    public const double SamePlaceMetres = 50;

    private const double EarthRadiusMetres = 6_371_000;

    /// <summary>Who called and where, as the report said.</summary>
    public sealed record Reporter(string? CallerId, double[]? Location);

    /// <summary>Whether <paramref name="later"/> repeats <paramref name="earlier"/>.</summary>
    public static bool Repeats(ICaseFacts later, Reporter? laterBy, ICaseFacts earlier, Reporter? earlierBy) =>
        CaseRules.Repeats(later, earlier) && laterBy is not null && earlierBy is not null
        && (SameCaller(laterBy, earlierBy) || SamePlace(laterBy, earlierBy));

    private static bool SameCaller(Reporter a, Reporter b) =>
        a.CallerId is { Length: > 0 } x && string.Equals(x, b.CallerId, StringComparison.Ordinal);

    private static bool SamePlace(Reporter a, Reporter b) =>
        a.Location is [var lon1, var lat1, ..] && b.Location is [var lon2, var lat2, ..]
        && Metres(lon1, lat1, lon2, lat2) <= SamePlaceMetres;

    /// <summary>Equirectangular distance: exact enough over the few hundred metres of a grid.</summary>
    public static double Metres(double lon1, double lat1, double lon2, double lat2)
    {
        var toRadians = Math.PI / 180;
        var x = (lon2 - lon1) * toRadians * Math.Cos((lat1 + lat2) / 2 * toRadians);
        var y = (lat2 - lat1) * toRadians;
        return Math.Sqrt(x * x + y * y) * EarthRadiusMetres;
    }
}
