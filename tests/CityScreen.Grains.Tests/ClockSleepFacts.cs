using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;

namespace CityScreen.Grains.Tests;

/// <summary>
/// A grid does not look at the clock every tick: it sleeps until the next moment its indicators
/// change with time. However long it may sleep, it must wake for that moment.
/// </summary>
public sealed class ClockSleepFacts : IAsyncLifetime
{
    private readonly GrainCluster _city = new(TimeProvider.System, o =>
    {
        o.FlushInterval = TimeSpan.FromMilliseconds(20);
        o.ClockTick = TimeSpan.FromMilliseconds(50);
        o.ClockSleep = TimeSpan.FromMinutes(10);
    });

    [Fact]
    public async Task A_grid_that_may_sleep_ten_minutes_wakes_when_its_case_falls_due()
    {
        var grid = TestCity.Grids(_city.Tree)[2];
        var now = _city.Clock.Now;
        CityEvent E(string type, DateTimeOffset at) => new()
        {
            Id = $"sleep-{type}", Type = type, OccurredAt = at, GridId = grid, Source = "test", CaseId = "AJ-sleep",
        };
        await _city.Ingestor.IngestAsync(
        [
            E(EventTypes.CaseReported, now.AddMinutes(-2)) with { Kind = CaseVocabulary.Kinds[0], Category = CaseVocabulary.Categories[0], Level = "normal", Title = "占道经营" },
            E(EventTypes.CaseFiled, now.AddMinutes(-1)) with { DueAt = now.AddSeconds(3) },
        ]);
        await GridShowsAsync(v => v[Counter.Open] == 1 && v[Counter.Red] == 0, "open, not yet red");

        await GridShowsAsync(v => v[Counter.Red] == 1, "red after its due time, with no new event");
    }

    private Task GridShowsAsync(Func<IndicatorValues, bool> expectation, string what) =>
        Eventually.HoldsAsync(async () =>
        {
            var v = (await _city.Cluster.Client.GetSnapshotAsync(_city.Tree.Get(TestCity.Grids(_city.Tree)[2]))).Values;
            return (expectation(v), $"{what}: open {v[Counter.Open]}, red {v[Counter.Red]}");
        });

    public Task InitializeAsync() => _city.StartAsync();

    public Task DisposeAsync() => _city.DisposeAsync().AsTask();
}
