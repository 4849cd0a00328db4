using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;

namespace CityScreen.Grains.Tests;

/// <summary>The indicators follow the clock with no new events: overdue transitions and midnight.</summary>
public class ClockFacts(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Cases_turn_red_and_today_rolls_over_at_midnight_without_new_events()
    {
        var tree = fixture.Tree;
        var grid = TestCity.Grids(tree)[5];
        var now = fixture.Clock.Now;   // 23:50 in Shanghai
        CityEvent E(string type, DateTimeOffset at) => new()
        {
            Id = $"clock-{type}", Type = type, OccurredAt = at, GridId = grid, Source = "test", CaseId = "AJ-clock",
        };
        await fixture.Ingestor.IngestAsync(
        [
            E(EventTypes.CaseReported, now.AddMinutes(-5)) with { Kind = "event", Category = "市容环境", Level = "normal", Title = "占道经营" },
            E(EventTypes.CaseFiled, now.AddMinutes(-4)) with { DueAt = now.AddMinutes(5) },
        ]);
        await CityShowsAsync(v => v[Counter.ReportedToday] == 1 && v[Counter.Open] == 1 && v[Counter.Red] == 0, "reported, open, not red");

        fixture.Time.Advance(TimeSpan.FromMinutes(4));     // 23:54: past 80 % of the 9-minute limit (23:53:12)
        await CityShowsAsync(v => v[Counter.Yellow] == 1 && v[Counter.Red] == 0, "yellow");

        fixture.Time.Advance(TimeSpan.FromMinutes(2));     // 23:56: past due
        await CityShowsAsync(v => v[Counter.Red] == 1 && v[Counter.Yellow] == 0, "red");

        fixture.Time.Advance(TimeSpan.FromMinutes(10));    // 00:06 the next day
        await CityShowsAsync(v => v[Counter.ReportedToday] == 0 && v[Counter.Reported30] == 1 && v[Counter.Red] == 1
            && v.DayAnchor == new DateOnly(2026, 11, 22) && v.ReportedDaily[^2] == 1, "the new day");
    }

    private async Task CityShowsAsync(Func<IndicatorValues, bool> expectation, string what) =>
        await Eventually.HoldsAsync(async () =>
        {
            var v = (await fixture.Cluster.Client.GetSnapshotAsync(fixture.Tree.Root)).Values;
            return (expectation(v), $"{what}: today {v[Counter.ReportedToday]}, open {v[Counter.Open]}, yellow {v[Counter.Yellow]}, red {v[Counter.Red]}, day {v.DayAnchor}");
        });
}
