using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Ledger;
using static CityScreen.Testing.CaseSteps;

namespace CityScreen.Domain.Tests;

public class GridLedgerFacts
{
    private static readonly LeafReference Grid = new(900, 320, 40, IsGrid: true, HasPartyBranch: true);

    private static GridLedger Ledger(params CityEvent[] events)
    {
        var ledger = new GridLedger(Grid, TestClock.Shanghai);
        foreach (var e in events) ledger.Apply(e);
        return ledger;
    }

    private static long At(GridLedger ledger, DateTimeOffset now, Counter counter) => ledger.Compute(now).Values[counter];

    [Fact]
    public void Today_starts_at_local_midnight_in_Shanghai()
    {
        var s = new CaseSteps("AJ1");
        var ledger = Ledger(s.Reported(Local(10, 23, 50)));

        Assert.Equal(1, At(ledger, Local(10, 23, 59), Counter.ReportedToday));
        // 00:10 on the 11th local is 16:10 UTC on the 10th: a UTC day would still say "today".
        Assert.Equal(0, At(ledger, Local(11, 0, 10), Counter.ReportedToday));
        Assert.Equal(1, At(ledger, Local(11, 0, 10), Counter.Reported30));
    }

    [Fact]
    public void Midnight_rolls_the_daily_buckets_over()
    {
        var s = new CaseSteps("AJ1");
        var ledger = Ledger(s.Reported(Local(10, 23, 50)));

        var before = ledger.Compute(Local(10, 23, 59)).Values;
        var after = ledger.Compute(Local(11, 0, 1)).Values;

        Assert.Equal(1, before.ReportedDaily[^1]);
        Assert.Equal(0, after.ReportedDaily[^1]);
        Assert.Equal(1, after.ReportedDaily[^2]);
        Assert.Equal(new DateOnly(2026, 11, 11), after.DayAnchor);
        Assert.Equal(0, after.CategoriesToday.Sum());
    }

    [Fact]
    public void Hourly_buckets_cover_48_hours_and_drop_what_is_older()
    {
        var s = new CaseSteps("AJ1");
        var ledger = Ledger(s.Reported(Local(10, 9, 30)));

        Assert.Equal(1, ledger.Compute(Local(10, 9, 45)).Values.ReportedHourly[^1]);
        Assert.Equal(1, ledger.Compute(Local(10, 11, 0)).Values.ReportedHourly[^3]);
        Assert.Equal(1, ledger.Compute(Local(12, 8, 59)).Values.ReportedHourly[0]);
        Assert.Equal(0, ledger.Compute(Local(12, 9, 0)).Values.ReportedHourly.Sum());
    }

    [Fact]
    public void An_open_case_turns_yellow_at_80_percent_of_its_limit_and_red_past_it()
    {
        var s = new CaseSteps("AJ1");
        // Filed 08:00, due 18:00: yellow from 16:00, red after 18:00.
        var ledger = Ledger(s.Reported(Local(10, 7, 50)), s.Filed(Local(10, 8), Local(10, 18)));

        Assert.Equal((1, 0, 0), Lights(ledger, Local(10, 15, 59)));
        Assert.Equal((1, 1, 0), Lights(ledger, Local(10, 16, 0)));
        Assert.Equal((1, 1, 0), Lights(ledger, Local(10, 18, 0)));
        Assert.Equal((1, 0, 1), Lights(ledger, Local(10, 18, 1)));

        ledger.Apply(s.Resolved(Local(10, 19)));
        ledger.Apply(s.Closed(Local(10, 20)));
        Assert.Equal((0, 0, 0), Lights(ledger, Local(10, 20, 1)));
    }

    [Fact]
    public void A_case_turning_red_is_reported_once()
    {
        var s = new CaseSteps("AJ1");
        var ledger = Ledger(s.Reported(Local(10, 7, 50)), s.Filed(Local(10, 8), Local(10, 18)));

        Assert.Empty(ledger.Compute(Local(10, 17)).TurnedRed);
        Assert.Equal("AJ1", Assert.Single(ledger.Compute(Local(10, 18, 5)).TurnedRed).CaseId);
        Assert.Empty(ledger.Compute(Local(10, 18, 10)).TurnedRed);
    }

    [Fact]
    public void On_time_rates_count_a_case_when_it_is_done_or_when_its_limit_passes()
    {
        var onTime = new CaseSteps("A");
        var late = new CaseSteps("B");
        var pending = new CaseSteps("C");
        var ledger = Ledger(
            onTime.Reported(Local(10, 7)), onTime.Filed(Local(10, 8), Local(10, 18)), onTime.Resolved(Local(10, 12)), onTime.Closed(Local(10, 13)),
            late.Reported(Local(10, 7)), late.Filed(Local(10, 8), Local(10, 10)), late.Resolved(Local(10, 12)), late.Closed(Local(10, 13)),
            pending.Reported(Local(10, 7)), pending.Filed(Local(10, 8), Local(11, 8)));

        var v = ledger.Compute(Local(10, 14)).Values;

        Assert.Equal(2, v[Counter.DueResolve30]);      // A (resolved), B (limit passed); C not yet due
        Assert.Equal(1, v[Counter.ResolvedOnTime30]);
        Assert.Equal(2, v[Counter.DueClose30]);
        Assert.Equal(2, v[Counter.Closed30]);
        Assert.Equal(1, v[Counter.ClosedOnTime30]);
        Assert.Equal(0.5, IndicatorCatalog.Get("EV08").ValueOf(v));
        Assert.Equal(1.0, IndicatorCatalog.Get("EV07").ValueOf(v));
        Assert.Equal(1, v[Counter.Open]);
    }

    [Fact]
    public void Rates_have_no_value_without_a_denominator()
    {
        var v = Ledger().Compute(Local(10, 12)).Values;

        Assert.Null(IndicatorCatalog.Get("EV05").ValueOf(v));
        Assert.Null(IndicatorCatalog.Get("SA01").ValueOf(v));
        Assert.Equal(1.0, IndicatorCatalog.Get("PM03").ValueOf(v));
    }

    [Fact]
    public void The_30_day_window_forgets_older_reports()
    {
        var s = new CaseSteps("AJ1");
        var ledger = Ledger(s.Reported(Local(1, 12)), s.Filed(Local(1, 12, 30), Local(2, 12)));

        Assert.Equal(1, At(ledger, Local(30, 12), Counter.Reported30));
        Assert.Equal(0, At(ledger, Local(1, 12).AddDays(30).AddMinutes(1), Counter.Reported30));
    }

    [Fact]
    public void Whistles_count_as_on_time_within_30_minutes_and_wait_until_then()
    {
        var quick = new CaseSteps("Q");
        var slow = new CaseSteps("S");
        var ledger = Ledger(
            quick.Dispatched(Local(10, 9), whistle: true), quick.Responded(Local(10, 9, 20)),
            slow.Dispatched(Local(10, 9), whistle: true));

        var at920 = ledger.Compute(Local(10, 9, 25)).Values;
        Assert.Equal(1, at920[Counter.Whistles30]);   // the slow one is still within its 30 minutes
        Assert.Equal(1, at920[Counter.WhistlesOnTime30]);

        var at1000 = ledger.Compute(Local(10, 10)).Values;
        Assert.Equal(2, at1000[Counter.Whistles30]);
        Assert.Equal(0.5, IndicatorCatalog.Get("WB01").ValueOf(at1000));
    }

    [Fact]
    public void Satisfaction_rework_response_and_closing_times_come_from_the_steps()
    {
        var s = new CaseSteps("AJ1");
        var ledger = Ledger(
            s.Reported(Local(10, 7)), s.Filed(Local(10, 8), Local(10, 20)), s.Dispatched(Local(10, 8, 10)),
            s.Responded(Local(10, 8, 40)), s.Resolved(Local(10, 10)), s.Reopened(Local(10, 11)),
            s.Resolved(Local(10, 12)), s.Closed(Local(10, 14)), s.Rated(Local(10, 15), 4));

        var v = ledger.Compute(Local(10, 16)).Values;

        Assert.Equal(1.0, IndicatorCatalog.Get("EV09").ValueOf(v));
        Assert.Equal(30.0, IndicatorCatalog.Get("EV10").ValueOf(v));
        Assert.Equal(6.0, IndicatorCatalog.Get("EV11").ValueOf(v));
        Assert.Equal(1.0, IndicatorCatalog.Get("SA01").ValueOf(v));
    }

    [Fact]
    public void Late_and_out_of_order_steps_end_with_the_same_indicators()
    {
        var events = new List<CityEvent>();
        var random = new Random(11);
        for (var i = 0; i < 40; i++)
        {
            var s = new CaseSteps($"C{i}");
            var start = Local(10, 6).AddMinutes(random.Next(0, 600));
            events.Add(s.Reported(start, kind: i % 4 == 0 ? "hotline" : "event", category: i % 3 == 0 ? "噪音扰民" : "市容环境"));
            if (i % 9 == 0) { events.Add(s.Rejected(start.AddMinutes(10))); continue; }
            events.Add(s.Filed(start.AddMinutes(20), start.AddHours(random.Next(1, 8))));
            events.Add(s.Dispatched(start.AddMinutes(30), whistle: i % 5 == 0));
            events.Add(s.Responded(start.AddMinutes(30 + random.Next(5, 50))));
            if (i % 6 == 0) continue;
            events.Add(s.Resolved(start.AddHours(random.Next(1, 9))));
            if (i % 7 == 0) { events.Add(s.Reopened(start.AddHours(10))); events.Add(s.Resolved(start.AddHours(11))); }
            events.Add(s.Closed(start.AddHours(12)));
            events.Add(s.Rated(start.AddHours(13), 1 + i % 5));
        }
        var now = Local(11, 9);
        var expected = Ledger([.. events.OrderBy(e => e.OccurredAt)]).Compute(now).Values;

        for (var round = 0; round < 10; round++)
        {
            var shuffled = Ledger([.. events.OrderBy(_ => random.Next())]).Compute(now).Values;
            Assert.True(IndicatorMath.SameAs(expected, shuffled), $"round {round} differs");
        }
        Assert.True(expected[Counter.Reported30] == 40 && expected[Counter.Closed30] > 0);
    }

    [Fact]
    public void Activities_count_distinct_serving_members_and_projects_of_the_year()
    {
        CityEvent A(string type, DateTimeOffset at, int n) => new()
        {
            Id = $"{type}-{n}", Type = type, OccurredAt = at, GridId = "g1", Source = "test",
            MemberId = $"m{n % 2}", UnitId = "u1", Hours = 1.5, ProjectId = $"p{n % 3}", PersonId = "p", Points = 10, OrgId = "o", MeetingKind = "主题党日",
        };
        var ledger = Ledger(
            A(EventTypes.MemberCheckin, Local(10, 9), 1), A(EventTypes.MemberCheckin, Local(10, 10), 3), A(EventTypes.MemberCheckin, Local(9, 10), 2),
            A(EventTypes.VolunteerLogged, Local(10, 9), 1), A(EventTypes.VolunteerLogged, Local(10, 9), 2),
            A(EventTypes.ProjectClaimed, Local(1, 9), 0), A(EventTypes.ProjectClaimed, Local(2, 9), 1), A(EventTypes.ProjectCompleted, Local(5, 9), 0),
            A(EventTypes.PointsAwarded, Local(10, 9), 1), A(EventTypes.MeetingHeld, Local(3, 9), 1));

        var v = ledger.Compute(Local(10, 12)).Values;

        Assert.Equal(2, v[Counter.MembersServing30]);
        Assert.Equal(2, v[Counter.CheckinsToday]);
        Assert.Equal(3.0, IndicatorCatalog.Get("VH01").ValueOf(v));
        Assert.Equal(0.5, IndicatorCatalog.Get("PJ01").ValueOf(v));
        Assert.Equal(10, v[Counter.Points30]);
        Assert.Equal(1, v[Counter.Meetings30]);
        Assert.Equal(2.0 / 40, IndicatorCatalog.Get("PM01").ValueOf(v));
    }

    private static (long Open, long Yellow, long Red) Lights(GridLedger ledger, DateTimeOffset now)
    {
        var v = ledger.Compute(now).Values;
        return (v[Counter.Open], v[Counter.Yellow], v[Counter.Red]);
    }
}
