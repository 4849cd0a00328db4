using CityScreen.Contracts.Events;
using CityScreen.Contracts.Grains;
using CityScreen.Grains.Ingest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CityScreen.Grains.Tests;

/// <summary>A source resending the same events in a loop makes their grid replay its history once per interval, not on every request.</summary>
public class DuplicateRebuildFacts(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_grid_rebuilds_for_resent_events_at_most_once_per_interval()
    {
        var ingestor = new EventIngestor(fixture.Tree, fixture.Store, fixture.Cluster.Client, NullLogger<EventIngestor>.Instance,
            Options.Create(new GrainOptions { DuplicateRebuildInterval = TimeSpan.FromHours(1) }));
        var grid = TestCity.Grids(fixture.Tree).First();
        var checkin = new CityEvent
        {
            Id = "resent-1", Type = EventTypes.MemberCheckin, OccurredAt = fixture.Clock.Now, GridId = grid, Source = "test", MemberId = "m1", UnitId = "u1",
        };
        var grain = fixture.Cluster.Client.GetGrain<IGridGrain>(grid);
        await ingestor.IngestAsync([checkin]);
        var live = (await grain.GetSnapshotAsync()).Version;

        await ingestor.IngestAsync([checkin]);      // the first resend rebuilds: a new activation
        var rebuilt = (await grain.GetSnapshotAsync()).Version;
        await ingestor.IngestAsync([checkin]);      // the next, within the interval, does not
        await ingestor.IngestAsync([checkin]);
        var after = (await grain.GetSnapshotAsync()).Version;

        Assert.NotEqual(live, rebuilt);
        Assert.Equal(rebuilt, after);
    }
}
