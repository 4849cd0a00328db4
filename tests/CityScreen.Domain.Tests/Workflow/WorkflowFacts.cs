using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Cases;
using CityScreen.Domain.Indicators;
using static CityScreen.Contracts.Indicators.Counter;
using static CityScreen.Domain.Tests.Workflow.SeedReference;
using static CityScreen.Domain.Tests.Workflow.WhistleFacts;
using static CityScreen.Testing.CaseSteps;

namespace CityScreen.Domain.Tests.Workflow;

public class WorkflowFacts
{
    private static CaseFile File(params CityEvent[] events)
    {
        var file = new CaseFile(events[0].CaseId!);
        foreach (var e in events) file.Apply(e);
        return file;
    }

    private static double? Value(IndicatorValues v, string id) => IndicatorCatalog.Get(id).ValueOf(v);

    [Fact]
    public void An_extension_moves_the_limit_and_the_latest_extension_by_occurred_at_wins_in_any_order()
    {
        var s = new CaseSteps("extended");
        CityEvent[] steps =
        [
            s.Reported(Local(20, 8)), s.Filed(Local(20, 9), due: Local(20, 18)),
            s.Extended(Local(20, 16), due: Local(21, 18)), s.Extended(Local(20, 17), due: Local(22, 18)),
            s.Closed(Local(22, 12)),
        ];
        var inOrder = File(steps);
        var reversed = File([.. steps.Reverse()]);

        Assert.Equal(Local(22, 18), inOrder.DueAt);
        Assert.Equal(Local(22, 18), reversed.DueAt);
        Assert.False(CaseRules.IsOverdue(File(steps[..4]), Local(22, 10)));
        var v = LedgerOf(steps).Compute(Local(23, 9)).Values;
        Assert.Equal((1, 1, 1), (v[DueClose30], v[ClosedOnTime30], v[Extended30]));
        Assert.Equal(1.0, Value(v, "EV12"));
    }

    [Fact]
    public void A_suspended_case_is_not_red_and_its_limit_moves_by_the_time_it_was_suspended()
    {
        var s = new CaseSteps("suspended");
        CityEvent[] steps =
        [
            s.Reported(Local(20, 8)), s.Filed(Local(20, 9), due: Local(20, 18)),
            s.Suspended(Local(20, 12)), s.Resumed(Local(21, 12)),
        ];
        var suspendedOnly = File(steps[..3]);
        var resumed = File(steps);

        // Suspended now: past the original limit, yet neither red nor yellow; counted in 挂账数.
        Assert.False(CaseRules.IsOverdue(suspendedOnly, Local(21, 9)));
        Assert.False(CaseRules.IsYellow(suspendedOnly, Local(21, 9)));
        var suspendedNow = LedgerOf(steps[..3]).Compute(Local(21, 9)).Values;
        Assert.Equal((1, 0, 0), (suspendedNow[Suspended], suspendedNow[Red], suspendedNow[Yellow]));
        // Resumed after 24 hours: the limit is 24 hours later, 21 Nov 18:00.
        Assert.Equal(Local(21, 18), CaseRules.DueAt(resumed, Local(21, 13)));
        Assert.False(CaseRules.IsOverdue(resumed, Local(21, 17)));
        Assert.True(CaseRules.IsYellow(resumed, Local(21, 17)));
        Assert.True(CaseRules.IsOverdue(resumed, Local(21, 18, 1)));
        var after = LedgerOf(steps).Compute(Local(21, 19)).Values;
        Assert.Equal((0, 1), (after[Suspended], after[Red]));
        // Closed during the moved limit: on time.
        Assert.True(CaseRules.ClosedOnTime(File([.. steps, s.Closed(Local(21, 17))]), Local(22, 9)));
    }

    [Fact]
    public void Returns_and_reassignments_give_the_accurate_dispatch_rate()
    {
        var s = new CaseSteps("returned");
        var t = new CaseSteps("straight");
        CityEvent[] steps =
        [
            s.Reported(Local(20, 8)), s.Filed(Local(20, 9), due: Local(21, 18)),
            s.DispatchedTo(Local(20, 9, 10), Cgzf), s.Returned(Local(20, 10), Cgzf), s.Reassigned(Local(20, 10, 30), Zj),
            s.Closed(Local(20, 17)),
            t.Reported(Local(20, 8)), t.Filed(Local(20, 9), due: Local(21, 18)), t.DispatchedTo(Local(20, 9, 10), Cgzf),
        ];
        var v = LedgerOf(steps).Compute(Local(20, 18)).Values;

        // Three dispatches (the reassignment is one), one returned: 2/3.
        Assert.Equal((3, 2), (v[Dispatches30], v[DispatchesKept30]));
        Assert.Equal(2.0 / 3, Value(v, "EV14")!.Value, 6);
        // The returning department did not handle the case; the one it was reassigned to did.
        Assert.Equal([Zj], File(steps[..6]).Departments);
        Assert.Equal(1, v.Departments[Zj][(int)DepartmentCounter.Handled30]);
        Assert.Equal(1, v.Departments[Zj][(int)DepartmentCounter.ResolvedOnTime30]);
        Assert.False(v.Departments.TryGetValue(Cgzf, out var cgzf) && cgzf[(int)DepartmentCounter.Handled30] > 0);
    }

    [Fact]
    public void The_hotline_rates_count_responses_within_the_limit_callbacks_saying_solved_and_satisfied_ratings()
    {
        var a = new CaseSteps("h-answered");
        var b = new CaseSteps("h-silent");
        CityEvent[] steps =
        [
            a.Reported(Local(18, 8), kind: "hotline"), a.Filed(Local(18, 8, 5), due: Local(19, 18)), a.DispatchedTo(Local(18, 9), Cgzf),
            a.RespondedBy(Local(18, 10), Cgzf), a.Closed(Local(18, 17)), a.Rated(Local(18, 19), 5, resolved: true),
            b.Reported(Local(18, 8), kind: "hotline"), b.Filed(Local(18, 8, 5), due: Local(19, 18)), b.DispatchedTo(Local(18, 9), Cgzf),
            b.Rated(Local(19, 20), 2, resolved: false),
        ];
        var early = LedgerOf(steps).Compute(Local(18, 20)).Values;
        var v = LedgerOf(steps).Compute(Local(20, 9)).Values;

        Assert.Equal((1, 1), (early[HotlineReceived30], early[HotlineAnswered30]));   // the silent one is within its 24 hours yet
        Assert.Equal(0.5, Value(v, "HL03"));
        Assert.Equal(0.5, Value(v, "HL04"));
        Assert.Equal(0.5, Value(v, "HL05"));
        Assert.Equal(0.5, DepartmentCatalog.Get("DP06").ValueOf(v.Departments[Cgzf]));
    }

    [Fact]
    public void A_street_rating_of_a_department_counts_in_its_mean_score()
    {
        var ledger = LedgerOf([
            new CityEvent { Id = "r1", Type = EventTypes.DepartmentRated, OccurredAt = Local(20, 9), GridId = "g1", Source = "street", Department = Zj, By = Street, Score = 4, Period = "2026-Q4" },
            new CityEvent { Id = "r2", Type = EventTypes.DepartmentRated, OccurredAt = Local(20, 10), GridId = "g1", Source = "street", Department = Zj, By = Street, Score = 5, Period = "2026-11" },
        ]);

        Assert.Equal(4.5, DepartmentCatalog.Get("DP07").ValueOf(ledger.Compute(Local(20, 12)).Values.Departments[Zj]));
    }

    [Fact]
    public void Every_new_step_shuffled_out_of_order_ends_in_the_same_indicators_as_in_order()
    {
        var w = new CaseSteps("w");
        var x = new CaseSteps("x");
        var h = new CaseSteps("h");
        CityEvent[] steps =
        [
            w.Reported(Local(20, 8)), w.Filed(Local(20, 8, 5), due: Local(20, 18)), w.DispatchedTo(Local(20, 9), Cgzf), w.Returned(Local(20, 9, 30), Cgzf),
            w.Reassigned(Local(20, 9, 40), Zj), w.Whistled(Local(20, 10), Street, 45, Cgzf, Zj), w.RespondedBy(Local(20, 10, 20), Zj),
            w.RespondedBy(Local(20, 11), Cgzf), w.Extended(Local(20, 12), Local(21, 12)), w.Suspended(Local(20, 13)), w.Resumed(Local(20, 15)),
            w.Resolved(Local(20, 16), Zj), w.Closed(Local(20, 17)), w.Rated(Local(20, 18), 4, resolved: true),
            x.Reported(Local(20, 8), kind: "hotline"), x.Filed(Local(20, 8, 10), due: Local(20, 12)), x.Suspended(Local(20, 9)),
            x.DispatchedTo(Local(20, 9, 5), Zj, whistle: true), x.Extended(Local(20, 9, 10), Local(20, 20)),
            h.Reported(Local(20, 7), kind: "hotline"), h.Filed(Local(20, 7, 5), due: Local(20, 11)), h.DispatchedTo(Local(20, 7, 10), Cgzf),
            h.RespondedBy(Local(20, 7, 30), Cgzf), h.Closed(Local(20, 10)), h.Rated(Local(20, 11), 3, resolved: false),
            new CityEvent { Id = "rate", Type = EventTypes.DepartmentRated, OccurredAt = Local(20, 9), GridId = "g1", Source = "street", Department = Cgzf, By = Street, Score = 3, CaseId = "w" },
        ];
        foreach (var now in new[] { Local(20, 10, 30), Local(20, 14), Local(21, 9) })
        {
            var expected = LedgerOf(steps).Compute(now).Values;
            var random = new Random(now.Hour);
            for (var round = 0; round < 20; round++)
            {
                var shuffled = steps.OrderBy(_ => random.Next()).ToArray();
                Assert.True(IndicatorMath.SameAs(expected, LedgerOf(shuffled).Compute(now).Values), $"{now:HH:mm}, round {round}");
            }
        }
    }
}
