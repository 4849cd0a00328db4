using CityScreen.Contracts.Events;
using CityScreen.Domain.Ledger;
using CityScreen.Domain.Rollups;
using static CityScreen.Domain.Rollups.RollupInputs;

namespace CityScreen.Jobs.Tests;

/// <summary>NR01's inputs in the nightly rollups: a need counts on the day it is listed, its match on the day a project first answers it.</summary>
public sealed class NeedRollupFacts
{
    [Fact]
    public void Needs_count_on_their_listing_day_and_matches_once_on_the_first_publication_answering_them()
    {
        var calculator = new LeafRollupCalculator("c1", new LeafReference(0, 0, 0, IsGrid: false, HasPartyBranch: false), new RollupRules(), Shanghai.Clock(TimeProvider.System));
        CityEvent Event(string id, string type, DateTimeOffset at) => new() { Id = id, Type = type, OccurredAt = at, CommunityId = "c1", Source = "test" };
        calculator.ApplyAll(
        [
            Event("n1", EventTypes.NeedListed, Shanghai.At(11, 2, 9)) with { NeedId = "N1" },
            Event("n2", EventTypes.NeedListed, Shanghai.At(11, 2, 10)) with { NeedId = "N2" },
            Event("n3", EventTypes.NeedListed, Shanghai.At(11, 3, 10)) with { NeedId = "N3" },
            // N1 is answered on the 3rd and again on the 4th: it matches once, on the 3rd.
            Event("p1", EventTypes.ProjectPublished, Shanghai.At(11, 3, 15)) with { ProjectId = "P1", NeedIds = ["N1", "N2"], ResourceIds = [] },
            Event("p2", EventTypes.ProjectPublished, Shanghai.At(11, 4, 15)) with { ProjectId = "P2", NeedIds = ["N1"], ResourceIds = [] },
        ]);

        var days = calculator.Compute([new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 4)], Shanghai.At(12, 1, 2));

        Assert.Equal([2.0, 1, 0], days.Select(d => d.Count(Needs)));
        Assert.Equal([0.0, 2, 0], days.Select(d => d.Count(NeedsMatched)));
    }
}
