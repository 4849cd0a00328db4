using System.Collections.Immutable;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Grains;
using CityScreen.Contracts.Indicators;

namespace CityScreen.Grains.Tests;

/// <summary>What a grid replays at activation and what the ingest path hands it later are counted once each.</summary>
public class ReplayFacts(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task An_event_with_a_lower_sequence_that_commits_after_the_replay_is_still_counted()
    {
        var grid = TestCity.Grids(fixture.Tree)[7];
        var other = TestCity.Grids(fixture.Tree)[8];
        var now = fixture.Clock.Now;
        CityEvent Report(string id, string gridId) => new()
        {
            Id = id, Type = EventTypes.CaseReported, OccurredAt = now.AddMinutes(-3), GridId = gridId, Source = "test",
            CaseId = "AJ-" + id, Kind = "event", Category = "市容环境", Level = "normal", Title = "占道经营",
        };
        // Another host's event takes the lower sequence (here: stored first, in another grid) ...
        var lower = (await fixture.Store.AppendAsync([Report("replay-lower", other)])).Stored[0].Seq;
        // ... this grid's event the higher one, and the grid activates and replays it.
        await fixture.Ingestor.IngestAsync([Report("replay-higher", grid)]);
        var gridGrain = fixture.Cluster.Client.GetGrain<IGridGrain>(grid);
        await gridGrain.ResetAsync();   // the next call activates it afresh, replaying the store
        await Eventually.HoldsAsync(async () =>
        {
            var v = (await gridGrain.GetSnapshotAsync()).Values;
            return (v[Counter.ReportedToday] == 1, $"the replayed report: today {v[Counter.ReportedToday]}");
        });

        // The lower sequence now arrives for this grid, as a commit that finished later would.
        await gridGrain.ApplyAsync([Report("replay-late", grid) with { Seq = lower }], []);
        // And a resend of what the replay saw is not counted again.
        var replayed = (await fixture.Store.ReadAreaAsync(grid)).Single();
        await gridGrain.ApplyAsync(ImmutableArray.Create(replayed), []);

        await Eventually.HoldsAsync(async () =>
        {
            var v = (await gridGrain.GetSnapshotAsync()).Values;
            return (v[Counter.ReportedToday] == 2, $"both reports once each: today {v[Counter.ReportedToday]}");
        });
    }
}
