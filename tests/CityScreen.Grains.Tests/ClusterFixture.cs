using CityScreen.Areas;
using CityScreen.Domain.Time;
using CityScreen.Grains.Ingest;
using CityScreen.Storage;
using CityScreen.Storage.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;

namespace CityScreen.Grains.Tests;

/// <summary>A real Orleans cluster in process, on a real SQLite store in a temporary directory, with a hand-moved city clock.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cityscreen-grains-" + Guid.NewGuid().ToString("N"));

    // Ten minutes before midnight in Shanghai: tests move past due times and past midnight.
    public ManualClock Time { get; } = new(new DateTimeOffset(2026, 11, 21, 23, 50, 0, TimeSpan.FromHours(8)));
    public AreaTree Tree { get; } = TestCity.Build();
    public CityClock Clock { get; private set; } = null!;
    public EventStore Store { get; private set; } = null!;
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public EventIngestor Ingestor { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Clock = new CityClock(Time, CityClock.FindZone("Asia/Shanghai"));
        Store = new EventStore(CityScreenDatabase.Sqlite(Path.Combine(_directory, "events.db")));
        await Store.InitializeAsync();

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(Tree);
            silo.Services.AddSingleton(Clock);
            silo.Services.AddSingleton<IEventStore>(Store);
            silo.Services.Configure<GrainOptions>(o =>
            {
                o.FlushInterval = TimeSpan.FromMilliseconds(20);
                // The clock is moved by hand: the grids look at it every tick.
                o.ClockTick = TimeSpan.FromMilliseconds(50);
                o.ClockSleep = TimeSpan.FromMilliseconds(50);
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Ingestor = new EventIngestor(Tree, Store, Cluster.Client, NullLogger<EventIngestor>.Instance, clock: Clock);
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Store.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
