using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Ledger;
using CityScreen.Testing;

namespace CityScreen.Domain.Tests;

/// <summary>
/// A ledger keeps the share of cases and activities that cannot change for a while summed, and
/// recounts only the rest. Whatever it kept, its values must equal those of a fresh ledger that
/// counts every case at the same instant: these facts drive a long-lived ledger through random
/// lifecycles, late and future-stamped steps, and clock jumps across due times, whistles,
/// midnights and the 30-day window, and compare after every step.
/// </summary>
public class SettledLedgerFacts
{
    private static readonly LeafReference Grid = new(900, 320, 40, IsGrid: true, HasPartyBranch: true);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_long_lived_ledger_counts_like_a_fresh_one_at_every_instant(int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 10, 20, 6, 0, 0, TimeSpan.FromHours(8));
        var arrivals = Arrivals(random, start, cases: 160);
        var ledger = new GridLedger(Grid, TestClock.Shanghai);
        var applied = new List<CityEvent>();
        var now = start;
        var next = 0;
        var compared = 0;
        while (next < arrivals.Count)
        {
            now += Step(random);
            while (next < arrivals.Count && arrivals[next].ArrivesAt <= now)
            {
                ledger.Apply(arrivals[next].Event);
                applied.Add(arrivals[next].Event);
                next++;
            }
            var fresh = new GridLedger(Grid, TestClock.Shanghai);
            foreach (var e in applied) fresh.Apply(e);
            AssertSame(fresh.Compute(now).Values, ledger.Compute(now).Values, $"seed {seed}, {now:u}, {applied.Count} events");
            compared++;
        }
        Assert.True(compared > 200, $"only {compared} comparisons");
        // The run must have reached the states that matter, or it proves little.
        var last = ledger.Compute(now).Values;
        Assert.True(last[Counter.Reported30] > 0 && last[Counter.Closed30] > 0 && last[Counter.Whistles30] > 0, "the run ended without cases in every state");
    }

    [Fact]
    public void Pruning_keeps_the_values_a_fresh_ledger_gives()
    {
        var random = new Random(7);
        var start = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.FromHours(8));
        var arrivals = Arrivals(random, start, cases: 120);
        var ledger = new GridLedger(Grid, TestClock.Shanghai);
        foreach (var a in arrivals) ledger.Apply(a.Event);
        var now = arrivals[^1].ArrivesAt;
        ledger.Compute(now);

        var later = now + TimeSpan.FromDays(25);
        Assert.True(ledger.Prune(later) > 0, "nothing was old enough to prune");
        var fresh = new GridLedger(Grid, TestClock.Shanghai);
        foreach (var a in arrivals) fresh.Apply(a.Event);
        AssertSame(fresh.Compute(later).Values, ledger.Compute(later).Values, "after pruning");
    }

    [Fact]
    public void Following_the_next_change_lands_exactly_on_yellow_and_red()
    {
        var s = new CaseSteps("AJ1");
        var filed = CaseSteps.Local(10, 8);
        var due = filed.AddHours(10);
        var ledger = new GridLedger(Grid, TestClock.Shanghai);
        ledger.Apply(s.Reported(filed.AddMinutes(-5)));
        ledger.Apply(s.Filed(filed, due));

        var visits = FollowNextChanges(ledger, filed.AddMinutes(30), due.AddMinutes(1), most: 100)
            .Select(v => (v.At, Yellow: v.Values[Counter.Yellow], Red: v.Values[Counter.Red])).ToList();

        Assert.Equal(filed.AddHours(8), visits.First(v => v.Yellow == 1).At); // 80 % of ten hours
        Assert.Equal(due.AddTicks(1), visits.First(v => v.Red == 1).At);     // just after the due time
        Assert.True(visits.Count < 40, $"{visits.Count} computations for ten hours of one case");
    }

    [Fact]
    public void Following_the_next_change_lands_exactly_where_an_activity_leaves_the_30_day_window()
    {
        var logged = CaseSteps.Local(10, 8, 13); // off the hour, where the cases' own next change falls
        var ledger = new GridLedger(Grid, TestClock.Shanghai);
        ledger.Apply(new CityEvent { Id = "v1", Type = EventTypes.VolunteerLogged, OccurredAt = logged, GridId = "g1", Source = "test", MemberId = "m1", Hours = 2 });
        ledger.Apply(new CityEvent { Id = "p1", Type = EventTypes.PointsAwarded, OccurredAt = logged.AddMinutes(7), GridId = "g1", Source = "test", MemberId = "m1", Points = 5 });

        var visits = FollowNextChanges(ledger, logged.AddMinutes(1), logged.AddDays(31), most: 2_000)
            .Select(v => (v.At, Hours: v.Values[Counter.VolunteerCentiHours30], Points: v.Values[Counter.Points30])).ToList();

        Assert.Equal(logged.AddMinutes(7), visits.First(v => v.Points == 5).At);
        Assert.Equal(logged.AddDays(30), visits.First(v => v.Hours == 0 && v.At > logged).At);
        Assert.Equal(logged.AddMinutes(7).AddDays(30), visits.First(v => v.Points == 0 && v.At > logged.AddMinutes(7)).At);
    }

    /// <summary>What a quiet grid grain does: compute, then wait until the ledger says the values may change (at most <paramref name="most"/> times).</summary>
    private static List<(DateTimeOffset At, IndicatorValues Values)> FollowNextChanges(GridLedger ledger, DateTimeOffset from, DateTimeOffset until, int most)
    {
        var visits = new List<(DateTimeOffset, IndicatorValues)>();
        for (var t = from; t <= until && visits.Count < most;)
        {
            var result = ledger.Compute(t);
            visits.Add((t, result.Values));
            Assert.True(result.NextChange > t, $"the next change {result.NextChange:O} is not after {t:O}");
            t = result.NextChange;
        }
        return visits;
    }

    private static TimeSpan Step(Random random) => random.Next(20) switch
    {
        < 6 => TimeSpan.FromMilliseconds(100),
        < 10 => TimeSpan.FromSeconds(random.Next(1, 60)),
        < 14 => TimeSpan.FromMinutes(random.Next(1, 30)),
        < 19 => TimeSpan.FromHours(random.Next(1, 4)),
        _ => TimeSpan.FromDays(random.Next(1, 3)),
    };

    /// <summary>Case lifecycles and activities with the instant each reaches the ledger: mostly on time, some late, some stamped ahead.</summary>
    private static List<(DateTimeOffset ArrivesAt, CityEvent Event)> Arrivals(Random random, DateTimeOffset start, int cases)
    {
        var list = new List<(DateTimeOffset, CityEvent)>();
        void Add(CityEvent e)
        {
            var arrives = random.Next(10) switch
            {
                0 => e.OccurredAt + TimeSpan.FromHours(random.Next(1, 30)), // late
                1 => e.OccurredAt - TimeSpan.FromSeconds(random.Next(1, 90)), // the sender's clock runs ahead
                _ => e.OccurredAt,
            };
            list.Add((arrives, e));
        }
        for (var i = 0; i < cases; i++)
        {
            var s = new CaseSteps($"AJ{i}");
            var reported = start + TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 40));
            Add(s.Reported(reported, kind: CaseVocabulary.Kinds[random.Next(CaseVocabulary.Kinds.Count)],
                category: CaseVocabulary.Categories[random.Next(CaseVocabulary.Categories.Count)]));
            if (random.Next(12) == 0) { Add(s.Rejected(reported.AddMinutes(3))); continue; }
            var filed = reported.AddMinutes(random.Next(1, 20));
            Add(s.Filed(filed, due: filed.AddMinutes(random.Next(20, 60 * 48))));
            if (random.Next(6) == 0) continue; // stays open and goes red
            var dispatched = filed.AddMinutes(random.Next(1, 20));
            Add(s.Dispatched(dispatched, whistle: random.Next(3) == 0));
            if (random.Next(8) == 0) continue; // a whistle nobody answers
            Add(s.Responded(dispatched.AddMinutes(random.Next(1, 60))));
            var resolved = dispatched.AddHours(random.Next(1, 50));
            Add(s.Resolved(resolved));
            if (random.Next(8) == 0) { Add(s.Reopened(resolved.AddMinutes(20))); continue; }
            Add(s.Closed(resolved.AddMinutes(30)));
            if (random.Next(2) == 0) Add(s.Rated(resolved.AddHours(2), 1 + random.Next(5)));
        }
        for (var i = 0; i < cases * 2; i++)
        {
            var at = start + TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 40));
            var type = random.Next(4) switch
            {
                0 => EventTypes.MemberCheckin, 1 => EventTypes.VolunteerLogged, 2 => EventTypes.PointsAwarded, _ => EventTypes.MeetingHeld,
            };
            Add(new CityEvent
            {
                Id = $"act-{i}", Type = type, OccurredAt = at, GridId = "g1", Source = "test",
                MemberId = $"m{random.Next(25)}", Hours = random.Next(1, 8) / 2.0, Points = random.Next(1, 10),
                UnitId = "u1", OrgId = "o1", MeetingKind = "主题党日",
            });
        }
        for (var i = 0; i < 6; i++)
        {
            var claimed = start + TimeSpan.FromDays(random.Next(0, 35));
            Add(new CityEvent { Id = $"pc-{i}", Type = EventTypes.ProjectClaimed, OccurredAt = claimed, GridId = "g1", Source = "test", ProjectId = $"p{i}", UnitId = "u1" });
            if (i % 2 == 0)
                Add(new CityEvent { Id = $"pd-{i}", Type = EventTypes.ProjectCompleted, OccurredAt = claimed.AddDays(3), GridId = "g1", Source = "test", ProjectId = $"p{i}", UnitId = "u1" });
        }
        return list.OrderBy(x => x.Item1).ToList();
    }

    private static void AssertSame(IndicatorValues expected, IndicatorValues actual, string when)
    {
        Assert.Equal(expected.HourAnchor, actual.HourAnchor);
        Assert.Equal(expected.DayAnchor, actual.DayAnchor);
        for (var i = 0; i < expected.Counters.Length; i++)
            Assert.True(expected.Counters[i] == actual.Counters[i], $"{(Counter)i}: {actual.Counters[i]} instead of {expected.Counters[i]} ({when})");
        Assert.True(expected.ReportedHourly.SequenceEqual(actual.ReportedHourly), $"reported hourly ({when})");
        Assert.True(expected.ClosedHourly.SequenceEqual(actual.ClosedHourly), $"closed hourly ({when})");
        Assert.True(expected.ReportedDaily.SequenceEqual(actual.ReportedDaily), $"reported daily ({when})");
        Assert.True(expected.ClosedDaily.SequenceEqual(actual.ClosedDaily), $"closed daily ({when})");
        Assert.True(expected.CategoriesToday.SequenceEqual(actual.CategoriesToday), $"categories today ({when})");
        Assert.True(expected.Categories30.SequenceEqual(actual.Categories30), $"categories 30 days ({when})");
    }
}
