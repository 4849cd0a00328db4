using CityScreen.Areas;
using CityScreen.Contracts.Grains;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;
using CityScreen.Grains.Grids;

namespace CityScreen.Grains.Tests;

/// <summary>
/// A grid's live ledger, fed batch by batch as the ingest path hands it events and moved by the
/// clock, holds the same indicators as a ledger counted afresh from the store; and a grid rebuilt
/// from the store (its activation path) ends equal to the live one.
/// </summary>
public class RebuildFacts(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_grid_rebuilt_from_the_store_ends_equal_to_the_live_one()
    {
        var tree = fixture.Tree;
        var communities = tree.AtLevel(AreaLevel.Community).Select(c => c.Id).ToList();
        var events = RandomEvents.Generate(11, TestCity.Grids(tree), communities, fixture.Clock.Now, cases: 240);
        // Every ledger: the grids', and each community's own (its activities).
        var leaves = TestCity.Grids(tree).Concat(communities).ToList();
        // Half the events, so the second half changes cases the live ledger has already counted.
        var half = events.Count / 2;
        foreach (var batch in events.Take(half).Chunk(29)) await fixture.Ingestor.IngestAsync(batch);
        await LiveEqualsStoreAsync(leaves);
        foreach (var batch in events.Skip(half).Chunk(29)) await fixture.Ingestor.IngestAsync(batch);
        await LiveEqualsStoreAsync(leaves);
        // Past due times, the hour and midnight, with no new events: the live values move by the clock alone.
        fixture.Time.Advance(TimeSpan.FromHours(3));
        var live = await LiveEqualsStoreAsync(leaves);
        Assert.True(live.Values.Sum(s => s.Values[Counter.DueClose30]) > 0 && live.Values.Sum(s => s.Values[Counter.Red]) > 0,
            "the random cases reach due times and red ones");

        foreach (var grid in leaves)
        {
            var grain = fixture.Cluster.Client.GetGrain<IGridGrain>(grid);
            await grain.ResetAsync();   // the next call activates it afresh, replaying the store
            var rebuilt = await grain.GetSnapshotAsync();
            Assert.NotEqual(live[grid].Version, rebuilt.Version);   // a new activation's snapshot, not the live one's
            Assert.True(IndicatorMath.SameAs(live[grid].Values, rebuilt.Values), $"{grid}: live {Tally.Of(live[grid].Values)}, rebuilt {Tally.Of(rebuilt.Values)}");
        }
    }

    /// <summary>Waits until every ledger's live snapshot equals a ledger counted afresh from the store at the same instant.</summary>
    private async Task<Dictionary<string, IndicatorSnapshot>> LiveEqualsStoreAsync(IReadOnlyList<string> leaves)
    {
        var live = new Dictionary<string, IndicatorSnapshot>();
        await Eventually.HoldsAsync(async () =>
        {
            foreach (var leaf in leaves)
            {
                var snapshot = await fixture.Cluster.Client.GetGrain<IGridGrain>(leaf).GetSnapshotAsync();
                var fresh = await FromStoreAsync(leaf);
                if (!IndicatorMath.SameAs(snapshot.Values, fresh)) return (false, $"{leaf}: live {Tally.Of(snapshot.Values)}, from the store {Tally.Of(fresh)}");
                live[leaf] = snapshot;
            }
            return (true, "");
        });
        return live;
    }

    private async Task<IndicatorValues> FromStoreAsync(string grid)
    {
        var ledger = LeafLedger.For(fixture.Tree.Get(grid), fixture.Clock);
        foreach (var e in await fixture.Store.ReadAreaAsync(grid)) ledger.Apply(e);
        return ledger.Compute(fixture.Clock.Now).Values;
    }
}
