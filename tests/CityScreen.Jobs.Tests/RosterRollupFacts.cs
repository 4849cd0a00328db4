using CityScreen.Contracts.Events;
using CityScreen.Domain.Ledger;
using CityScreen.Domain.Rollups;
using static CityScreen.Domain.Rollups.RollupInputs;

namespace CityScreen.Jobs.Tests;

/// <summary>PM01's denominator in the nightly rollups: the registered roster, as the live indicator counts it, carried from day to day.</summary>
public sealed class RosterRollupFacts
{
    private static readonly LeafReference FortyExpected = new(0, 0, 40, IsGrid: true, HasPartyBranch: true);

    private static CityEvent Registered(string member, DateTimeOffset at) => new()
    {
        Id = $"reg-{member}", Type = EventTypes.MemberRegistered, OccurredAt = at, GridId = "g1", Source = "test", MemberId = member, UnitId = "u1",
    };

    [Fact]
    public void The_roster_registered_by_the_end_of_a_day_is_its_members_expected_instead_of_the_reference_figure()
    {
        var calculator = new LeafRollupCalculator("g1", FortyExpected, new RollupRules(), Shanghai.Clock(TimeProvider.System));
        calculator.ApplyAll([Registered("m1", Shanghai.At(11, 2, 9)), Registered("m2", Shanghai.At(11, 3, 9)), Registered("m1", Shanghai.At(11, 3, 10)) with { Id = "again" }]);

        var days = calculator.Compute([new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3)], Shanghai.At(12, 1, 2));

        // No roster yet: the reference data's 应报到; then one member, then two (m1 registering again counts once).
        Assert.Equal([40.0, 1, 2], days.Select(d => d.Count(MembersExpected)));
        Assert.Equal(["m1", "m2"], days[2].Set(MembersRegistered));
    }

    [Fact]
    public void A_roster_carried_from_the_day_before_counts_with_the_registrations_read_since()
    {
        var calculator = new LeafRollupCalculator("g1", FortyExpected, new RollupRules(), Shanghai.Clock(TimeProvider.System));
        calculator.RegisteredBefore(["m1", "m2", "m3"]);
        calculator.ApplyAll([Registered("m4", Shanghai.At(11, 3, 9))]);

        var day = calculator.Compute(new DateOnly(2026, 11, 3), Shanghai.At(12, 1, 2));

        Assert.Equal(4, day.Count(MembersExpected));
    }
}
