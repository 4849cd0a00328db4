using CityScreen.Domain.Ledger;
using static CityScreen.Domain.Rollups.RollupInputs;

namespace CityScreen.Domain.Rollups;

/// <summary>The inputs of a leaf that come from reference data rather than events.</summary>
public static class ReferenceInputs
{
    /// <summary>
    /// The leaf's stocks (a grid, its Party branch, households, members expected to register) and
    /// the meetings its branch is due to hold that day. A community's own ledger has none: its
    /// reference data already counts in its grids.
    /// </summary>
    public static IEnumerable<(string Input, double Value)> Of(LeafReference reference, RollupRules rules, DateOnly day)
    {
        if (reference.IsGrid) yield return (Grids, 1);
        if (reference.IsGrid && reference.HasPartyBranch)
        {
            yield return (GridsWithBranch, 1);
            yield return (MeetingsExpected, rules.MeetingsDuePerBranchPerMonth / DateTime.DaysInMonth(day.Year, day.Month));
        }
        yield return (Households, reference.Households);
        yield return (MembersExpected, reference.MembersExpected);
    }
}
