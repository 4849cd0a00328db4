using CityScreen.Contracts.Events;
using CityScreen.Simulator;

namespace CityScreen.Simulator.Tests;

public class CitySimulatorFacts
{
    private static readonly DateTimeOffset From = TestCity.Monday8;
    private static readonly DateTimeOffset To = From.AddHours(12);

    private static List<string> Wire(IEnumerable<CityEvent> events) => [.. events.Select(CityEventJson.Serialize)];

    [Fact]
    public void Same_seed_gives_the_same_events_however_the_clock_is_advanced()
    {
        var once = TestCity.Run(TestCity.Simulator(seed: 11), From, To);
        var inSteps = TestCity.Run(TestCity.Simulator(seed: 11), From, To, TimeSpan.FromSeconds(97));

        Assert.NotEmpty(once);
        Assert.Equal(Wire(once), Wire(inSteps));
    }

    [Fact]
    public void Same_seed_gives_the_same_whistles_and_month_end_ratings_however_the_clock_is_advanced()
    {
        // The last two days of September 2026 and the first morning of October (a month end), at the demo's rate.
        var from = new DateTimeOffset(2026, 9, 29, 8, 0, 0, TestCity.Offset);
        var to = from.AddDays(2);
        var once = TestCity.Run(TestCity.Simulator(seed: 11, eventsPerSecond: SimulatedMonth.DemoEventsPerSecond), from, to);
        var inSteps = TestCity.Run(TestCity.Simulator(seed: 11, eventsPerSecond: SimulatedMonth.DemoEventsPerSecond), from, to, TimeSpan.FromMinutes(7));

        Assert.Contains(once, e => e.Type == EventTypes.CaseWhistled);
        Assert.Contains(once, e => e.Type == EventTypes.DepartmentRated);
        Assert.Equal(TestCity.AllFields(once), TestCity.AllFields(inSteps));
    }

    [Fact]
    public void Restart_before_a_month_end_sends_the_same_department_ratings()
    {
        var from = new DateTimeOffset(2026, 9, 29, 8, 0, 0, TestCity.Offset);
        var to = from.AddDays(2);
        static List<string> Ratings(List<CityEvent> events) => TestCity.AllFields(events.Where(e => e.Type == EventTypes.DepartmentRated));
        var firstRun = Ratings(TestCity.Run(TestCity.Simulator(seed: 11, eventsPerSecond: SimulatedMonth.DemoEventsPerSecond), from, to));
        var restart = Ratings(TestCity.Run(TestCity.Simulator(seed: 11, eventsPerSecond: SimulatedMonth.DemoEventsPerSecond), from.AddHours(30), to));

        Assert.NotEmpty(restart);
        Assert.Subset(firstRun.ToHashSet(), restart.ToHashSet());
    }

    [Fact]
    public void Different_seeds_give_different_events()
    {
        var a = TestCity.Run(TestCity.Simulator(seed: 1), From, From.AddHours(1));
        var b = TestCity.Run(TestCity.Simulator(seed: 2), From, From.AddHours(1));

        Assert.NotEqual(Wire(a).Select(s => s[s.IndexOf("\"type\"", StringComparison.Ordinal)..]),
            Wire(b).Select(s => s[s.IndexOf("\"type\"", StringComparison.Ordinal)..]));
    }

    [Fact]
    public void Restart_with_the_same_seed_resends_the_same_events_with_the_same_ids()
    {
        // A host restarted at noon replays the morning: the server must see the ids it already has.
        var firstRun = Wire(TestCity.Run(TestCity.Simulator(), From, To)).ToHashSet();
        var restart = Wire(TestCity.Run(TestCity.Simulator(), From.AddHours(4), To));

        Assert.NotEmpty(restart);
        Assert.All(restart, e => Assert.Contains(e, firstRun));
    }

    [Fact]
    public void Seed_zero_draws_a_seed_and_ids_carry_it()
    {
        var simulator = TestCity.Simulator(seed: 0);
        var events = TestCity.Run(simulator, From, From.AddMinutes(30));

        Assert.NotEqual(0, simulator.Seed);
        Assert.All(events, e => Assert.StartsWith($"sim-{simulator.Seed}-", e.Id));
    }

    [Fact]
    public void Advance_returns_only_events_after_the_start_and_moves_now()
    {
        var simulator = TestCity.Simulator();
        simulator.Start(From);
        Assert.Equal(From, simulator.Now);

        var events = simulator.Advance(From.AddHours(1));

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.True(e.OccurredAt > From && e.OccurredAt <= From.AddHours(1), e.Id));
        Assert.Equal(From.AddHours(1), simulator.Now);
        Assert.Equal(TestCity.Offset, simulator.Now.Offset);
    }

    [Fact]
    public void Advance_to_the_past_or_now_returns_nothing()
    {
        var simulator = TestCity.Simulator();
        simulator.Start(From);
        simulator.Advance(From.AddMinutes(10));

        Assert.Empty(simulator.Advance(From.AddMinutes(10)));
        Assert.Empty(simulator.Advance(From.AddMinutes(5)));
        Assert.Equal(From.AddMinutes(10), simulator.Now);
    }

    [Fact]
    public void Advance_before_start_throws()
    {
        Assert.Throws<InvalidOperationException>(() => TestCity.Simulator().Advance(From));
    }

    [Fact]
    public void Ctor_throws_when_there_are_no_grids()
    {
        Assert.Throws<ArgumentException>(() => new CitySimulator([], new SimulatorOptions(), TestCity.Zone));
    }

    [Fact]
    public void Ctor_throws_when_the_rate_is_negative()
    {
        Assert.Throws<ArgumentException>(() => TestCity.Simulator(eventsPerSecond: -1));
    }

    [Fact]
    public void Without_warm_up_the_city_starts_with_no_open_cases()
    {
        var events = TestCity.Run(TestCity.Simulator(configure: o => o.WarmUp = TimeSpan.Zero), From, From.AddHours(2));
        var reported = events.Where(e => e.Type == EventTypes.CaseReported).Select(e => e.CaseId).ToHashSet();

        Assert.All(events.Where(e => e.CaseId is not null), e => Assert.Contains(e.CaseId, reported));
    }

    [Fact]
    public void With_warm_up_cases_open_before_the_start_send_their_later_steps()
    {
        var events = TestCity.Run(TestCity.Simulator(), From, From.AddHours(2));
        var reported = events.Where(e => e.Type == EventTypes.CaseReported).Select(e => e.CaseId).ToHashSet();

        Assert.Contains(events, e => e.Type == EventTypes.CaseClosed && !reported.Contains(e.CaseId));
    }

    [Fact]
    public void Flat_day_keeps_the_same_rate_at_night_as_in_the_morning()
    {
        var simulator = TestCity.Simulator(configure: o => o.FollowTimeOfDay = false);
        var events = TestCity.Run(simulator, From.AddHours(-8), From.AddHours(16));
        var night = events.Count(e => e.OccurredAt.Hour is >= 2 and < 5) / 3.0;
        var morning = events.Count(e => e.OccurredAt.Hour is >= 9 and < 12) / 3.0;

        Assert.InRange(night / morning, 0.85, 1.15);
        Assert.InRange(events.Count / (2.0 * 86400), 0.9, 1.1);
    }

    [Fact]
    public void Case_ids_are_numbered_from_local_midnight()
    {
        var events = TestCity.Run(TestCity.Simulator(configure: o => o.WarmUp = TimeSpan.Zero),
            new DateTimeOffset(2025, 6, 16, 23, 30, 0, TestCity.Offset), new DateTimeOffset(2025, 6, 17, 0, 30, 0, TestCity.Offset));
        var reports = events.Where(e => e.Type == EventTypes.CaseReported).OrderBy(e => e.OccurredAt).ToList();
        var afterMidnight = reports.First(e => e.OccurredAt.Day == 17);

        Assert.Equal("AJ20250617000001", afterMidnight.CaseId);
        Assert.All(reports.Where(e => e.OccurredAt.Day == 16), e => Assert.StartsWith("AJ20250616", e.CaseId));
        Assert.Matches("^AJ[0-9]{8}[0-9]{6,}$", reports[0].CaseId);
    }
}
