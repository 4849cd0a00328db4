using System.Collections.Immutable;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Grains;
using CityScreen.Contracts.Indicators;

namespace CityScreen.Grains.Tests;

/// <summary>
/// A grid rebuilt from the store (after its host died) and the events handed to it afterwards: in
/// a cluster several hosts append at once, so an event may commit after the replay read one with a
/// higher sequence. It must count once, like every other event.
/// </summary>
public class ReplayFacts(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task An_event_committed_after_the_replay_with_a_lower_sequence_counts_once()
    {
        var grids = TestCity.Grids(fixture.Tree);
        var (grid, other) = (grids[0], grids[1]);
        var stored = (await fixture.Store.AppendAsync([Checkin("replay-1", grid), Checkin("replay-filler", other), Checkin("replay-3", grid)])).Stored;
        var (first, filler, third) = (stored[0], stored[1], stored[2]);
        Assert.True(first.Seq < filler.Seq && filler.Seq < third.Seq);

        var gridGrain = fixture.Cluster.Client.GetGrain<IGridGrain>(grid);
        Assert.Equal(2, (await gridGrain.GetSnapshotAsync()).Values[Counter.CheckinsToday]);

        // Another host's event of this grid, committed late with a sequence between the replayed ones,
        // and one the replay already counted, handed over again.
        var late = Checkin("replay-2", grid) with { Seq = filler.Seq };
        await gridGrain.ApplyAsync(ImmutableArray.Create(late, third));

        await Eventually.HoldsAsync(async () =>
        {
            var now = (await gridGrain.GetSnapshotAsync()).Values[Counter.CheckinsToday];
            return (now == 3, $"{now} check-ins, expected 3");
        });
    }

    private CityEvent Checkin(string id, string grid) => new()
    {
        Id = id, Type = EventTypes.MemberCheckin, OccurredAt = fixture.Clock.Now.AddMinutes(-1),
        GridId = grid, Source = "test", MemberId = "m-" + id, UnitId = "u1",
    };
}
