using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;
using static CityScreen.Contracts.Indicators.Counter;

namespace CityScreen.Domain.Index;

/// <summary>
/// The inputs of the 实时发展指数 (the live provisional index): the newest night's pooled inputs of
/// an area with every input the live counters also keep replaced by today's live figure. Inputs
/// are replaced in numerator/denominator pairs, so no rate divides a live count by a nightly one;
/// what only the nightly rollups know (meetings, needs, repeat complaints, members checked in)
/// stays as the night left it.
/// </summary>
public static class LiveIndexInputs
{
    /// <summary>
    /// Model input → the live counter that keeps the same count over the same 30 days (or the same
    /// stock, or the year's count); <c>Daily30</c> when the input is a flow the rollups count per day
    /// and the counter sums over the last 30 days, so 30 days of rollups add up to it.
    /// </summary>
    private static readonly (string Input, Counter Counter, double Scale, bool Daily30)[] Live =
    [
        ("grids", Grids, 1, false),
        ("gridsWithBranch", GridsWithBranch, 1, false),
        ("households", Households, 1, false),
        ("membersExpected", MembersExpected, 1, false),
        ("overdueOpen", Red, 1, false),
        ("volunteerHours", VolunteerCentiHours30, 0.01, true),
        ("ordersPlaced", OrdersPlaced30, 1, true),
        ("ordersResponded", OrdersResponded30, 1, true),
        ("projectsClaimed", ProjectsClaimedYear, 1, false),
        ("projectsCompleted", ProjectsCompletedYear, 1, false),
        ("dueResolve", DueResolve30, 1, true),
        ("resolvedOnTime", ResolvedOnTime30, 1, true),
        ("dueClose", DueClose30, 1, true),
        ("closedOnTime", ClosedOnTime30, 1, true),
        ("reopened", Reopened30, 1, true),
        ("hotlineDue", HotlineDue30, 1, true),
        ("hotlineOnTime", HotlineOnTime30, 1, true),
        ("whistles", Whistles30, 1, true),
        ("whistlesOnTime", WhistlesOnTime30, 1, true),
        ("ratings", Ratings30, 1, true),
        ("satisfied", Satisfied30, 1, true),
    ];

    /// <summary>The nightly inputs overlaid with the live ones (only inputs the model has).</summary>
    public static Dictionary<string, double> Of(IndexModel model, IReadOnlyDictionary<string, double> nightly, IndicatorValues live)
    {
        var inputs = new Dictionary<string, double>(nightly, StringComparer.Ordinal);
        foreach (var (input, counter, scale, _) in Live)
            if (model.Inputs.Any(i => i.Id == input)) inputs[input] = live[counter] * scale;
        return inputs;
    }

    /// <summary>
    /// The rollup inputs whose sums over 30 days are a rate's numerator and denominator, when both of
    /// its live counters are 30-day flows the rollups count per day (EV08 from closedOnTime and
    /// dueClose, SA01 from satisfied and ratings, …); null for any other indicator.
    /// </summary>
    public static (string Numerator, string Denominator)? DailyInputsOf(IndicatorDefinition d) =>
        d.Kind == IndicatorKind.Rate && d.Denominator is { } den && Daily30Input(d.Numerator) is { } n && Daily30Input(den) is { } m ? (n, m) : null;

    private static string? Daily30Input(Counter counter) =>
        Live.FirstOrDefault(l => l.Counter == counter && l.Daily30).Input;
}
