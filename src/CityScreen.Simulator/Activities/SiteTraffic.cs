using CityScreen.Domain.CoBuilding;

namespace CityScreen.Simulator.Activities;

/// <summary>
/// People served at a service site (阵地服务人次) per local hour, by the site's kind: a 党群服务中心
/// is open 8:30–20:00 with mornings and afternoons busiest and evening activities, about 110 a
/// workday; a 红色驿站 (a rest stop for couriers, sanitation and delivery workers) from 7:00 to 21:00,
/// busiest at lunch and late afternoon, about 55; a 帮办站 (帮办代办 desk) in office hours on
/// workdays only, about 25. Each site is busier or quieter than its kind by a lasting trait (0.6–1.4).
/// </summary>
internal static class SiteTraffic
{
    private static readonly double[] ServiceCentre =
    [
        0, 0, 0, 0, 0, 0, 0, 0, 5, 13, 14, 11,
        5, 5, 11, 13, 12, 8, 3, 6, 4, 0, 0, 0,
    ];

    private static readonly double[] RestStop =
    [
        0, 0, 0, 0, 0, 0, 0, 2, 3, 3, 4, 7,
        8, 6, 3, 3, 4, 5, 5, 3, 2, 0, 0, 0,
    ];

    private static readonly double[] HelpDesk =
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 5, 3,
        0, 0, 3, 4, 4, 2, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>Days off see fewer people at a centre, the same couriers at a rest stop and a closed 帮办站.</summary>
    private static double DayOffFactor(string kind) => kind switch
    {
        "党群服务中心" => 0.6,
        "红色驿站" => 1.0,
        _ => 0,
    };

    /// <summary>The mean number of people a site serves in the local hour <paramref name="hour"/> of a workday or a day off.</summary>
    public static double Mean(ServiceSite site, int hour, bool workday)
    {
        var curve = site.Kind switch
        {
            "党群服务中心" => ServiceCentre,
            "红色驿站" => RestStop,
            _ => HelpDesk,
        };
        var trait = 0.6 + 0.8 * (GridPlaces.StableHash(site.Id) & 0xFFFF) / 65535.0;
        return curve[hour] * trait * (workday ? 1 : DayOffFactor(site.Kind));
    }

    /// <summary>A Poisson draw (Knuth's product of uniforms; the means are small).</summary>
    public static int Draw(ref RandomStream r, double mean)
    {
        if (mean <= 0) return 0;
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = r.NextDouble(); p > limit; p *= r.NextDouble()) k++;
        return k;
    }
}
