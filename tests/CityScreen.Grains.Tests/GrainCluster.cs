using CityScreen.Areas;
using CityScreen.Domain.Time;
using CityScreen.Grains.Ingest;
using CityScreen.Storage;
using CityScreen.Storage.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;

namespace CityScreen.Grains.Tests;

/// <summary>
/// A real Orleans cluster of one silo on a real SQLite store in a temporary directory, on the given
/// clock (the real one, or a test's moved by hand), with the grain options and silo services a test
/// class needs.
/// </summary>
public sealed class GrainCluster(TimeProvider time, Action<GrainOptions> options, Action<ISiloBuilder>? silo = null) : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cityscreen-grains-" + Guid.NewGuid().ToString("N"));

    public AreaTree Tree { get; } = TestCity.Build();
    public CityClock Clock { get; } = new(time, CityClock.FindZone("Asia/Shanghai"));
    public EventStore Store { get; private set; } = null!;
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public EventIngestor Ingestor { get; private set; } = null!;

    public async Task StartAsync()
    {
        Store = new EventStore(CityScreenDatabase.Sqlite(Path.Combine(_directory, "events.db")));
        await Store.InitializeAsync();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, s) =>
        {
            s.Services.AddSingleton(Tree);
            s.Services.AddSingleton(Clock);
            s.Services.AddSingleton<IEventStore>(Store);
            s.Services.Configure(options);
            silo?.Invoke(s);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Ingestor = new EventIngestor(Tree, Store, Cluster.Client, NullLogger<EventIngestor>.Instance, clock: Clock);
    }

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }
        if (Store is not null) await Store.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
