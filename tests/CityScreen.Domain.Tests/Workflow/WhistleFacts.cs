using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Cases;
using CityScreen.Domain.Ledger;
using static CityScreen.Contracts.Indicators.DepartmentCounter;
using static CityScreen.Domain.Tests.Workflow.SeedReference;
using static CityScreen.Testing.CaseSteps;

namespace CityScreen.Domain.Tests.Workflow;

public class WhistleFacts
{
    private static readonly LeafReference Grid = new(900, 320, 40, IsGrid: true, HasPartyBranch: true);

    internal static GridLedger LedgerOf(IEnumerable<CityEvent> events)
    {
        var ledger = new GridLedger(Grid, TestClock.Shanghai);
        foreach (var e in events) ledger.Apply(e);
        return ledger;
    }

    /// <summary>
    /// Dispatched 09:00 and answered 09:10, then whistled 14:00 to two departments: 城管 arrives
    /// 14:20, 住建 16:00 (limit 30 minutes).
    /// </summary>
    private static CityEvent[] CounterExample()
    {
        var s = new CaseSteps("whistle");
        return
        [
            s.Reported(Local(20, 8, 50), level: "major"), s.Filed(Local(20, 8, 55), due: Local(21, 18)),
            s.DispatchedTo(Local(20, 9), Cgzf), s.RespondedBy(Local(20, 9, 10), Cgzf),
            s.Whistled(Local(20, 14), Street, 30, Cgzf, Zj),
            s.RespondedBy(Local(20, 14, 20), Cgzf), s.RespondedBy(Local(20, 16), Zj),
        ];
    }

    [Fact]
    public void Whistle_is_late_when_one_summoned_department_arrives_after_its_limit_timed_from_the_whistle()
    {
        var v = LedgerOf(CounterExample()).Compute(Local(20, 17)).Values;

        Assert.Equal(1, v[Counter.Whistles30]);
        Assert.Equal(0, v[Counter.WhistlesOnTime30]);
        var cgzf = v.Departments[Cgzf];
        Assert.Equal(1, cgzf[(int)Summoned30]);
        Assert.Equal(1, cgzf[(int)SummonsDecided30]);
        Assert.Equal(1, cgzf[(int)ArrivedOnTime30]);
        Assert.Equal(20 * 60, cgzf[(int)ArriveSeconds30]);
        var zj = v.Departments[Zj];
        Assert.Equal(1, zj[(int)SummonsDecided30]);
        Assert.Equal(1, zj[(int)Arrived30]);
        Assert.Equal(0, zj[(int)ArrivedOnTime30]);
        Assert.Equal(120 * 60, zj[(int)ArriveSeconds30]);
        var dp02 = Indicators.DepartmentCatalog.Get("DP02");
        Assert.Equal((1.0, 0.0), (dp02.ValueOf(cgzf), dp02.ValueOf(zj)));
        Assert.Equal(120.0, Indicators.DepartmentCatalog.Get("DP03").ValueOf(zj));
    }

    [Fact]
    public void A_whistle_is_undecided_while_a_department_is_pending_within_its_limit_and_stands_on_the_whistle_board()
    {
        var v = LedgerOf(CounterExample()).Compute(Local(20, 14, 25)).Values;

        Assert.Equal(0, v[Counter.Whistles30]);
        Assert.Equal(1, v.Departments[Cgzf][(int)ArrivedOnTime30]);
        Assert.Equal(0, v.Departments[Zj][(int)SummonsDecided30]);
        Assert.Equal(1, v.Departments[Zj][(int)Summoned30]);
        var open = Assert.Single(v.OpenWhistles);
        Assert.Equal(("whistle", "g1", Local(20, 14), 30), (open.CaseId, open.GridId, open.WhistledAt, open.LimitMinutes));
        Assert.Equal([Zj], open.Pending);
        Assert.Equal([Cgzf], open.Arrived);
        Assert.Empty(LedgerOf(CounterExample()).Compute(Local(20, 16)).Values.OpenWhistles);
    }

    [Fact]
    public void A_response_before_the_whistle_does_not_count_as_an_arrival()
    {
        var s = new CaseSteps("early");
        var file = new CaseFile("early");
        foreach (var e in new[] { s.Reported(Local(20, 8)), s.Filed(Local(20, 8, 5), due: Local(21, 8)), s.DispatchedTo(Local(20, 9), Cgzf),
            s.RespondedBy(Local(20, 9, 10), Cgzf), s.Whistled(Local(20, 14), Street, 30, Cgzf) })
            file.Apply(e);

        var whistle = Assert.Single(file.Whistles);
        Assert.Null(whistle.Summoned[0].ArrivedAt);
        Assert.Equal([(Local(20, 14), false)], CaseRules.DecidedWhistles(file, Local(20, 14, 31)));
    }

    [Fact]
    public void A_dispatch_with_whistle_true_is_a_one_department_whistle_timed_from_that_dispatch()
    {
        var s = new CaseSteps("dispatch-whistle");
        var v = LedgerOf([s.Reported(Local(20, 8)), s.Filed(Local(20, 8, 5), due: Local(21, 8)),
            s.DispatchedTo(Local(20, 9), Cgzf, whistle: true), s.RespondedBy(Local(20, 9, 45), Cgzf)]).Compute(Local(20, 12)).Values;

        Assert.Equal((1, 0), (v[Counter.Whistles30], v[Counter.WhistlesOnTime30]));
        Assert.Equal((1, 0), (v.Departments[Cgzf][(int)SummonsDecided30], v.Departments[Cgzf][(int)ArrivedOnTime30]));
    }

    [Fact]
    public void The_counter_example_ends_in_the_same_indicators_in_any_order_of_its_steps()
    {
        var events = CounterExample();
        var expected = LedgerOf(events).Compute(Local(20, 17)).Values;
        var random = new Random(13);
        for (var round = 0; round < 20; round++)
        {
            var shuffled = events.OrderBy(_ => random.Next()).ToArray();
            Assert.True(Indicators.IndicatorMath.SameAs(expected, LedgerOf(shuffled).Compute(Local(20, 17)).Values), $"round {round}");
        }
    }
}
