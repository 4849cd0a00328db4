using CityScreen.Contracts.Indicators;
using static CityScreen.Contracts.Indicators.Counter;

namespace CityScreen.Domain.Indicators;

/// <summary>
/// PM01 over the registered roster (docs/domain.md §9): a community counts each person once,
/// however many of its grids they serve in. A member counts as serving when they checked in
/// anywhere in the community in 30 days and are on its roster; in a leaf with no roster yet, the
/// distinct members serving there count against its expected members (应报到), as before rosters.
/// Applied to one leaf by its ledger and to a community over its leaves; above the communities
/// the counts add up, since a person registers with one community.
/// </summary>
public static class MemberRoster
{
    public static void CountOnce(long[] counters, IReadOnlyCollection<IndicatorValues> leaves)
    {
        var roster = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaf in leaves) roster.UnionWith(leaf.RosterMembers);
        var serving = new HashSet<string>(StringComparer.Ordinal);
        long expectedWithoutRoster = 0;
        foreach (var leaf in leaves)
        {
            var hasRoster = leaf.RosterMembers.Length > 0;
            if (!hasRoster) expectedWithoutRoster += leaf[MembersExpected];
            foreach (var member in leaf.ServingMembers)
                if (!hasRoster || roster.Contains(member)) serving.Add(member);
        }
        counters[(int)MembersServing30] = serving.Count;
        counters[(int)MembersExpected] = roster.Count + expectedWithoutRoster;
        counters[(int)MembersRegistered] = roster.Count;
    }
}
