using CityScreen.Contracts.Events;
using CityScreen.Domain.Ledger;
using CityScreen.Domain.Rollups;
using static CityScreen.Domain.Rollups.RollupInputs;

namespace CityScreen.Jobs.Tests;

public sealed class LeafRollupCalculatorFacts
{
    private const string Grid = "g1";
    private static readonly LeafReference GridWithBranch = new(900, 300, 20, IsGrid: true, HasPartyBranch: true);
    private static readonly DateTimeOffset Later = Shanghai.At(12, 1, 2);

    private static LeafRollupCalculator Calculator() => new(Grid, GridWithBranch, new RollupRules(), Shanghai.Clock(TimeProvider.System));

    private static IReadOnlyList<DailyRollup> Compute(IEnumerable<CityEvent> events, params DateOnly[] days)
    {
        var calculator = Calculator();
        calculator.ApplyAll(events);
        return calculator.Compute(days, Later);
    }

    private static List<CityEvent> AMonthOfCases()
    {
        var events = new List<CityEvent>();
        for (var i = 0; i < 20; i++)
        {
            var day = 1 + i % 10;
            var kind = new[] { "event", "hotline", "order", "part" }[i % 4];
            var s = new CaseSteps($"c{i}", Grid);
            var at = Shanghai.At(11, day, 9 + i % 8);
            events.Add(s.Reported(at, kind, category: i % 3 == 0 ? "噪音扰民" : "市容环境"));
            events.Add(s.Filed(at.AddMinutes(5), at.AddHours(20)));
            events.Add(s.Dispatched(at.AddMinutes(10), whistle: i % 2 == 0));
            events.Add(s.Responded(at.AddMinutes(i % 5 == 0 ? 50 : 20)));
            if (i % 6 != 5)
            {
                events.Add(s.Resolved(at.AddHours(i % 7 == 0 ? 30 : 4)));
                events.Add(s.Closed(at.AddHours(i % 7 == 0 ? 31 : 5)));
            }
            if (i % 4 == 1) events.Add(s.Reopened(at.AddHours(6)));
            events.Add(s.Rated(at.AddHours(10), 1 + i % 5));
            events.Add(Activities.Checkin($"ck{i}", Grid, at, $"m{i % 7}"));
            events.Add(Activities.Volunteer($"v{i}", Grid, at.AddHours(1), 0.1 * (1 + i % 4), member: $"m{i % 5}"));
        }
        events.Add(Activities.Meeting("mt1", Grid, Shanghai.At(11, 3, 19)));
        events.Add(Activities.Claimed("pc1", Grid, Shanghai.At(11, 2, 10), "p1"));
        events.Add(Activities.Completed("pd1", Grid, Shanghai.At(11, 9, 10), "p1"));
        return events;
    }

    private static readonly DateOnly[] TenDays = Enumerable.Range(1, 12).Select(d => Shanghai.Day(11, d)).ToArray();

    [Fact]
    public void The_order_of_events_does_not_change_any_day_and_a_resend_counts_once()
    {
        var events = AMonthOfCases();
        var inOrder = Compute(events, TenDays);
        for (var seed = 1; seed <= 5; seed++)
        {
            var shuffled = events.Concat(events.Take(15)).OrderBy(_ => Random.Shared.Next()).ToList();
            var again = Compute(shuffled, TenDays);
            for (var d = 0; d < inOrder.Count; d++)
            {
                Assert.Equal(inOrder[d].Counts, again[d].Counts);
                Assert.Equal(inOrder[d].Sets.Keys, again[d].Sets.Keys);
                foreach (var (set, members) in inOrder[d].Sets) Assert.Equal(members, again[d].Sets[set]);
            }
        }
    }

    [Fact]
    public void Days_are_local_days_in_Shanghai_not_UTC_days()
    {
        // 23:59:59 on 3 November in Shanghai is 15:59:59 UTC the same day; 00:00:00 on the 4th is
        // 16:00 UTC on the 3rd — still the 3rd in UTC, but the 4th in the city.
        var lastSecond = Activities.Checkin("a", Grid, Shanghai.At(11, 3, 23, 59, 59), "m1");
        var midnight = Activities.Checkin("b", Grid, new DateTimeOffset(2026, 11, 3, 16, 0, 0, TimeSpan.Zero), "m2");

        var days = Compute([lastSecond, midnight], Shanghai.Day(11, 3), Shanghai.Day(11, 4));

        Assert.Equal(["m1"], days[0].Set(MembersCheckedIn));
        Assert.Equal(["m2"], days[1].Set(MembersCheckedIn));
    }

    [Fact]
    public void On_time_closure_is_decided_on_the_day_of_closure_or_the_limit_whichever_comes_first()
    {
        var early = new CaseSteps("early", Grid);     // closed on the 3rd, due on the 5th: due and on time on the 3rd
        var late = new CaseSteps("late", Grid);       // due on the 3rd, closed on the 5th: due and late on the 3rd
        var open = new CaseSteps("open", Grid);       // due on the 3rd, never closed: due, late, and red from the 3rd
        var t = Shanghai.At(11, 2, 10);
        List<CityEvent> events =
        [
            early.Reported(t), early.Filed(t, Shanghai.At(11, 5, 10)), early.Resolved(Shanghai.At(11, 3, 9)), early.Closed(Shanghai.At(11, 3, 10)),
            late.Reported(t), late.Filed(t, Shanghai.At(11, 3, 10)), late.Resolved(Shanghai.At(11, 3, 9)), late.Closed(Shanghai.At(11, 5, 10)),
            open.Reported(t), open.Filed(t, Shanghai.At(11, 3, 12)),
        ];

        var days = Compute(events, Shanghai.Day(11, 2), Shanghai.Day(11, 3), Shanghai.Day(11, 4), Shanghai.Day(11, 5));

        Assert.Equal(0, days[0].Count(DueClose));
        Assert.Equal(3, days[1].Count(DueClose));
        Assert.Equal(1, days[1].Count(ClosedOnTime));
        Assert.Equal(3, days[1].Count(DueResolve));
        Assert.Equal(2, days[1].Count(ResolvedOnTime));
        Assert.Equal(0, days[2].Count(DueClose) + days[3].Count(DueClose));
        // 红灯 at the end of each day: "late" until closed on the 5th, "open" for good.
        Assert.Equal([0, 2, 2, 1], days.Select(d => d.Count(OverdueOpen)));
    }

    [Fact]
    public void An_order_answered_later_counts_on_the_day_it_was_placed()
    {
        var order = new CaseSteps("o1", Grid);
        var placed = Shanghai.At(11, 2, 22);
        List<CityEvent> events = [order.Reported(placed, kind: "order"), order.Responded(Shanghai.At(11, 3, 8), memberId: "m9")];

        var days = Compute(events, Shanghai.Day(11, 2), Shanghai.Day(11, 3));

        Assert.Equal(1, days[0].Count(OrdersPlaced));
        Assert.Equal(1, days[0].Count(OrdersResponded));
        Assert.Equal(0, days[1].Count(OrdersResponded));
        // Taking the order is service on the day it was taken.
        Assert.Equal(["m9"], days[1].Set(MembersServing));
    }

    [Fact]
    public void A_whistle_counts_on_the_day_dispatched_once_answered_or_30_minutes_late()
    {
        var quick = new CaseSteps("w1", Grid);
        var slow = new CaseSteps("w2", Grid);
        var unanswered = new CaseSteps("w3", Grid);
        var t = Shanghai.At(11, 2, 23, 50);
        List<CityEvent> events =
        [
            quick.Dispatched(t, whistle: true), quick.Responded(t.AddMinutes(20)),
            slow.Dispatched(t, whistle: true), slow.Responded(t.AddMinutes(45)),
            unanswered.Dispatched(t, whistle: true),
        ];

        var day = Compute(events, Shanghai.Day(11, 2))[0];

        Assert.Equal(3, day.Count(Whistles));
        Assert.Equal(1, day.Count(WhistlesOnTime));
    }

    [Fact]
    public void A_12345_report_repeats_one_of_the_same_category_from_the_same_caller_or_place_within_30_days()
    {
        var events = new List<CityEvent>();
        void Report(string id, DateTimeOffset at, string category, string caller, double lon) =>
            events.Add(new CaseSteps(id, Grid).Reported(at, "hotline", category: category) with { CallerId = caller, Location = [lon, 34.0] });
        Report("h1", Shanghai.At(10, 1, 9), "噪音扰民", "A", 108.0);
        Report("h2", Shanghai.At(10, 25, 9), "噪音扰民", "A", 108.01);     // same caller as h1, 24 days on: repeat
        Report("h3", Shanghai.At(10, 25, 10), "车辆乱停", "A", 108.0);     // same caller and place, other category: not
        // 0.0003° of longitude at 34° N = 0.0003 × π/180 × 6,371,000 m × cos 34° ≈ 27.7 m from h1: same place.
        Report("h4", Shanghai.At(10, 26, 9), "噪音扰民", "B", 108.0003);
        // 0.001° ≈ 92 m from h1 and 64 m from h4, another caller: only the category is shared, not a repeat.
        Report("h5", Shanghai.At(10, 27, 9), "噪音扰民", "C", 108.001);
        Report("h6", Shanghai.At(11, 30, 9), "噪音扰民", "A", 108.0);      // 36 days after h2, 35 after h4: not
        var days = Compute(events, Shanghai.Day(10, 1), Shanghai.Day(10, 25), Shanghai.Day(10, 26), Shanghai.Day(10, 27), Shanghai.Day(11, 30));

        Assert.Equal([1, 2, 1, 1, 1], days.Select(d => d.Count(Complaints)));
        Assert.Equal([0, 1, 1, 0, 0], days.Select(d => d.Count(RepeatComplaints)));
        Assert.Equal(27.7, RepeatComplaintRule.Metres(108.0, 34.0, 108.0003, 34.0), 1);
    }

    [Fact]
    public void A_meeting_counts_where_an_organisation_is_due_to_hold_it()
    {
        var day = Shanghai.Day(11, 2);
        var branch = GridWithBranch;
        var noBranch = branch with { HasPartyBranch = false };
        DailyRollup Rollup(LeafReference reference)
        {
            var calculator = new LeafRollupCalculator(Grid, reference, new RollupRules(), Shanghai.Clock(TimeProvider.System));
            calculator.Apply(Activities.Meeting("m1", Grid, Shanghai.At(11, 2, 9)));
            return calculator.Compute(day, Shanghai.At(11, 3, 3));
        }

        // A grid with a branch: held and due (2 a month over November's 30 days).
        Assert.Equal(1, Rollup(branch).Count(MeetingsHeld));
        Assert.Equal(2.0 / 30, Rollup(branch).Count(MeetingsExpected), 12);
        // Without a branch nothing is due there, and a meeting logged there is on no schedule.
        Assert.Equal(0, Rollup(noBranch).Count(MeetingsHeld));
        Assert.Equal(0, Rollup(noBranch).Count(MeetingsExpected));
        // A community's own ledger: its Party committee's meetings are due there.
        Assert.Equal(1, Rollup(LeafReference.None).Count(MeetingsHeld));
        Assert.Equal(2.0 / 30, Rollup(LeafReference.None).Count(MeetingsExpected), 12);
    }

    [Fact]
    public void Reference_stocks_and_the_meeting_schedule_come_with_every_day()
    {
        var day = Compute([], Shanghai.Day(11, 2))[0];

        Assert.Equal(1, day.Count(Grids));
        Assert.Equal(1, day.Count(GridsWithBranch));
        Assert.Equal(300, day.Count(Households));
        Assert.Equal(20, day.Count(MembersExpected));
        Assert.Equal(2.0 / 30, day.Count(MeetingsExpected), 12);
    }

    [Fact]
    public void Volunteer_hours_and_distinct_members_are_per_day()
    {
        List<CityEvent> events =
        [
            Activities.Volunteer("v1", Grid, Shanghai.At(11, 2, 9), 0.1, member: "m1"),
            Activities.Volunteer("v2", Grid, Shanghai.At(11, 2, 10), 0.2, member: "m1"),
            Activities.Volunteer("v3", Grid, Shanghai.At(11, 2, 11), 1.5),
            Activities.Checkin("c1", Grid, Shanghai.At(11, 2, 9), "m1"),
            Activities.Checkin("c2", Grid, Shanghai.At(11, 2, 10), "m1"),
            Activities.Checkin("c3", Grid, Shanghai.At(11, 2, 10), "m2"),
        ];

        var day = Compute(events, Shanghai.Day(11, 2))[0];

        Assert.Equal(1.8, day.Count(VolunteerHours), 12);
        Assert.Equal(["m1", "m2"], day.Set(MembersCheckedIn));
        Assert.Equal(["m1"], day.Set(MembersServing));
    }

    [Fact]
    public void A_project_completed_later_counts_on_the_day_it_was_claimed()
    {
        List<CityEvent> events =
        [
            Activities.Claimed("pc", Grid, Shanghai.At(11, 2, 9), "p1"),
            Activities.Completed("pd", Grid, Shanghai.At(11, 20, 9), "p1"),
        ];

        var days = Compute(events, Shanghai.Day(11, 2), Shanghai.Day(11, 20));

        Assert.Equal(1, days[0].Count(ProjectsClaimed));
        Assert.Equal(1, days[0].Count(ProjectsCompleted));
        Assert.Equal(0, days[1].Count(ProjectsCompleted));
    }

    [Fact]
    public void Cases_open_since_before_the_reading_window_are_remembered_by_id()
    {
        var old = new CaseSteps("old", Grid);
        var recent = new CaseSteps("recent", Grid);
        List<CityEvent> events =
        [
            old.Reported(Shanghai.At(11, 1, 9)), old.Filed(Shanghai.At(11, 1, 10), Shanghai.At(11, 2, 10)),
            recent.Reported(Shanghai.At(11, 19, 9)), recent.Filed(Shanghai.At(11, 19, 10), Shanghai.At(11, 19, 12)),
        ];

        var day = Compute(events, Shanghai.Day(11, 20))[0];

        Assert.Equal(2, day.Count(OverdueOpen));
        Assert.Equal(["old"], day.Set(LongOpenCases));
        Assert.False(day.Counts.ContainsKey(LongOpenCases));
    }

    [Fact]
    public void A_late_step_marks_the_days_from_its_case_s_first_step_up_to_the_last_computed_day()
    {
        var clock = Shanghai.Clock(TimeProvider.System);
        var closing = Shanghai.At(11, 5, 10);

        Assert.Equal((Shanghai.Day(11, 3), Shanghai.Day(11, 8)), DirtyDays.Of(closing, Shanghai.At(11, 3, 9), Shanghai.Day(11, 8), clock));
        Assert.Equal((Shanghai.Day(11, 5), Shanghai.Day(11, 8)), DirtyDays.Of(closing, null, Shanghai.Day(11, 8), clock));
        Assert.Null(DirtyDays.Of(Shanghai.At(11, 9, 1), null, Shanghai.Day(11, 8), clock));
    }

    [Fact]
    public void A_whistle_counts_late_in_the_rollups_when_one_summoned_department_arrives_after_its_limit()
    {
        // Dispatched 09:00 and answered 09:10; whistled 14:00 to two departments: one arrives 14:20, one 16:00.
        var s = new CaseSteps("whistle", Grid);
        var day = Shanghai.At(11, 20, 0);
        var rollup = Compute([
            s.Reported(day.AddHours(8.5)), s.Filed(day.AddHours(8.75), day.AddHours(40)),
            s.DispatchedTo(day.AddHours(9), "610602-cgzf"), s.RespondedBy(day.AddHours(9).AddMinutes(10), "610602-cgzf"),
            s.Whistled(day.AddHours(14), "610602001", 30, "610602-cgzf", "610602-zj"),
            s.RespondedBy(day.AddHours(14).AddMinutes(20), "610602-cgzf"), s.RespondedBy(day.AddHours(16), "610602-zj"),
        ], Shanghai.Day(11, 20))[0];

        Assert.Equal((1, 0), (rollup.Count(Whistles), rollup.Count(WhistlesOnTime)));
    }
}
