using CityScreen.Areas;
using CityScreen.Domain.Ledger;
using CityScreen.Domain.Time;

namespace CityScreen.Grains.Grids;

/// <summary>
/// The empty ledger of a leaf: a grid carries its reference data (population, households,
/// members expected, its Party branch); a community's own activities carry none, because its
/// grids already count them. Used by the grain and by anything that recomputes from the store.
/// </summary>
public static class LeafLedger
{
    public static GridLedger For(Area area, CityClock clock)
    {
        if (AreaGrainFactory.IsLeaf(area))
        {
            var p = area.Profile;
            return new GridLedger(new LeafReference(p.Population, p.Households, p.MembersExpected, area.Level == AreaLevel.Grid, p.HasPartyBranch), clock);
        }
        if (area.Level == AreaLevel.Community)
            return new GridLedger(LeafReference.None, clock);
        throw new InvalidOperationException($"{area} is neither a leaf nor a community; it has no ledger");
    }
}
