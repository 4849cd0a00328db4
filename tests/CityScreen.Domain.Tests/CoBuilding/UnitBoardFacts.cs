using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Ledger;
using static CityScreen.Testing.CaseSteps;

namespace CityScreen.Domain.Tests.CoBuilding;

/// <summary>The 共建单位 ranking's figures: per unit, its projects and their ratings, in a leaf and summed up the tree.</summary>
public sealed class UnitBoardFacts
{
    private static readonly LeafReference Community = new(900, 320, 40, IsGrid: false, HasPartyBranch: true);

    private static CityEvent Event(string type, DateTimeOffset at, string? project = null, string? unit = null, int? score = null, string? name = null) => new()
    {
        Id = Guid.NewGuid().ToString("N"), Type = type, OccurredAt = at, Source = "party-cloud", CommunityId = "c1",
        ProjectId = project, UnitId = unit, Score = score, Name = name,
    };

    [Fact]
    public void A_rating_counts_for_the_unit_that_claimed_the_project_even_when_it_arrives_first()
    {
        var ledger = new GridLedger(Community, TestClock.Shanghai);
        ledger.Apply(Event(EventTypes.ProjectRated, Local(12, 10), "P1", score: 4));
        ledger.Apply(Event(EventTypes.ProjectCompleted, Local(11, 10), "P1"));
        ledger.Apply(Event(EventTypes.ProjectClaimed, Local(10, 10), "P1", "U1"));
        ledger.Apply(Event(EventTypes.UnitRegistered, Local(1, 10), unit: "U1", name: "延安市人民医院"));
        ledger.Apply(Event(EventTypes.ProjectClaimed, Local(10, 11), "P2", "U2"));

        var v = ledger.Compute(Local(13, 10)).Values;

        Assert.Equal([1, 1, 1, 4], v.Units["U1"]);
        Assert.Equal([1, 0, 0, 0], v.Units["U2"]);
        Assert.Equal("延安市人民医院", v.UnitNames["U1"]);
        Assert.False(v.UnitNames.ContainsKey("U2"));
    }

    [Fact]
    public void A_parent_sums_each_units_counters_and_keeps_the_names_of_its_children()
    {
        var at = Local(13, 10);
        var a = IndicatorMath.Empty(at, DateOnly.FromDateTime(at.DateTime)) with { Units = new() { ["U1"] = [2, 1, 1, 5] }, UnitNames = new() { ["U1"] = "延安大学" } };
        var b = IndicatorMath.Empty(at, DateOnly.FromDateTime(at.DateTime)) with { Units = new() { ["U1"] = [1, 1, 2, 7], ["U2"] = [1, 0, 0, 0] } };

        var sum = IndicatorMath.Sum([a, b], at, DateOnly.FromDateTime(at.DateTime));

        Assert.Equal([3, 2, 3, 12], sum.Units["U1"]);
        Assert.Equal([1, 0, 0, 0], sum.Units["U2"]);
        Assert.Equal("延安大学", sum.UnitNames["U1"]);
        Assert.False(IndicatorMath.SameAs(sum, IndicatorMath.Sum([a], at, DateOnly.FromDateTime(at.DateTime))));
    }
}
