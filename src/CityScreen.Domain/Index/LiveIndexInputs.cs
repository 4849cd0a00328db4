using CityScreen.Contracts.Indicators;
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
    /// <summary>Model input → the live counter that keeps the same count over the same 30 days (or the same stock).</summary>
    private static readonly (string Input, Counter Counter, double Scale)[] Live =
    [
        ("grids", Grids, 1),
        ("gridsWithBranch", GridsWithBranch, 1),
        ("households", Households, 1),
        ("membersExpected", MembersExpected, 1),
        ("overdueOpen", Red, 1),
        ("volunteerHours", VolunteerCentiHours30, 0.01),
        ("ordersPlaced", OrdersPlaced30, 1),
        ("ordersResponded", OrdersResponded30, 1),
        ("projectsClaimed", ProjectsClaimedYear, 1),
        ("projectsCompleted", ProjectsCompletedYear, 1),
        ("dueResolve", DueResolve30, 1),
        ("resolvedOnTime", ResolvedOnTime30, 1),
        ("dueClose", DueClose30, 1),
        ("closedOnTime", ClosedOnTime30, 1),
        ("reopened", Reopened30, 1),
        ("hotlineDue", HotlineDue30, 1),
        ("hotlineOnTime", HotlineOnTime30, 1),
        ("whistles", Whistles30, 1),
        ("whistlesOnTime", WhistlesOnTime30, 1),
        ("ratings", Ratings30, 1),
        ("satisfied", Satisfied30, 1),
    ];

    /// <summary>The nightly inputs overlaid with the live ones (only inputs the model has).</summary>
    public static Dictionary<string, double> Of(IndexModel model, IReadOnlyDictionary<string, double> nightly, IndicatorValues live)
    {
        var inputs = new Dictionary<string, double>(nightly, StringComparer.Ordinal);
        foreach (var (input, counter, scale) in Live)
            if (model.Inputs.Any(i => i.Id == input)) inputs[input] = live[counter] * scale;
        return inputs;
    }
}
