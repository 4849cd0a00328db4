using CityScreen.Domain.Ledger;
using static CityScreen.Domain.Rollups.RollupInputs;

namespace CityScreen.Domain.Rollups;

/// <summary>The inputs of a leaf that come from reference data rather than events.</summary>
public static class ReferenceInputs
{
    /// <summary>
    /// The leaf's stocks (a grid, its Party branch, households, members expected to register) and
    /// the meetings its organisation is due to hold that day: a grid's Party branch, or — on a
    /// community's own ledger, where the community's meetings are logged — its Party committee
    /// (社区党委). The ledger's other reference data already counts in its grids.
    /// </summary>
    public static IEnumerable<(string Input, double Value)> Of(LeafReference reference, RollupRules rules, DateOnly day)
    {
        if (reference.IsGrid) yield return (Grids, 1);
        if (reference.IsGrid && reference.HasPartyBranch) yield return (GridsWithBranch, 1);
        if (HoldsMeetings(reference))
        {
            var perMonth = reference.IsGrid ? rules.MeetingsDuePerBranchPerMonth : rules.MeetingsDuePerCommitteePerMonth;
            yield return (MeetingsExpected, perMonth / DateTime.DaysInMonth(day.Year, day.Month));
        }
        yield return (Households, reference.Households);
        yield return (MembersExpected, reference.MembersExpected);
    }

    /// <summary>Whether the leaf has an organisation with a schedule of meetings: a grid's branch or a community's committee.</summary>
    public static bool HoldsMeetings(LeafReference reference) => !reference.IsGrid || reference.HasPartyBranch;
}
