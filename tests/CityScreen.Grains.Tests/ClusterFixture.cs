using CityScreen.Areas;
using CityScreen.Domain.Time;
using CityScreen.Grains.Ingest;
using CityScreen.Storage.Events;
using Orleans.TestingHost;

namespace CityScreen.Grains.Tests;

/// <summary>The cluster most grain facts share: a <see cref="GrainCluster"/> on a hand-moved city clock.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly GrainCluster _city;

    public ClusterFixture() => _city = new(Time, o =>
    {
        o.FlushInterval = TimeSpan.FromMilliseconds(20);
        // The clock is moved by hand: the grids look at it every tick.
        o.ClockTick = TimeSpan.FromMilliseconds(50);
        o.ClockSleep = TimeSpan.FromMilliseconds(50);
    });

    // Ten minutes before midnight in Shanghai: tests move past due times and past midnight.
    public ManualClock Time { get; } = new(new DateTimeOffset(2026, 11, 21, 23, 50, 0, TimeSpan.FromHours(8)));
    public AreaTree Tree => _city.Tree;
    public CityClock Clock => _city.Clock;
    public EventStore Store => _city.Store;
    public InProcessTestCluster Cluster => _city.Cluster;
    public EventIngestor Ingestor => _city.Ingestor;

    public Task InitializeAsync() => _city.StartAsync();

    public Task DisposeAsync() => _city.DisposeAsync().AsTask();
}
