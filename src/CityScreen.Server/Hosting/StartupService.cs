using CityScreen.Areas;
using CityScreen.Contracts.Grains;
using CityScreen.Grains;
using CityScreen.Server.Feed;
using CityScreen.Storage.Events;

namespace CityScreen.Server.Hosting;

/// <summary>
/// Opens the store, then wakes every area grain so that each grid rebuilds its ledger and its
/// clock runs (overdue cases and midnight change indicators without new events), and keeps them
/// awake. Runs after the silo has started (it is registered after UseOrleans).
/// </summary>
public sealed class StartupService(
    IEventStore store, AreaTree tree, IGrainFactory grains, Readiness readiness, ScreenFeedRegistration feedRegistration, ILogger<StartupService> logger) : BackgroundService
{
    private static readonly TimeSpan KeepAwake = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan CompleteTreeTimeout = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        readiness.Set("opening the event store");
        await store.InitializeAsync(stoppingToken);
        var count = await store.CountAsync(stoppingToken);
        readiness.Set("registering the screen feed");
        await feedRegistration.Registered.WaitAsync(stoppingToken);
        readiness.Set("activating areas");
        var started = DateTimeOffset.UtcNow;
        await WakeAllAsync(stoppingToken);
        await WaitForCompleteTreeAsync(stoppingToken);
        readiness.Set("ready");
        logger.LogInformation("CityScreen ready: {Areas} areas, {Events} stored events, areas rebuilt in {Seconds:F1} s",
            tree.Count, count, (DateTimeOffset.UtcNow - started).TotalSeconds);

        using var timer = new PeriodicTimer(KeepAwake);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await WakeAllAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not wake every area grain; trying again in {Delay}", KeepAwake);
            }
        }
    }

    /// <summary>Leaves first (they replay the store), then the aggregates bottom-up.</summary>
    private async Task WakeAllAsync(CancellationToken cancellationToken)
    {
        var leaves = tree.All.Where(AreaGrainFactory.IsLeaf)
            .Select(a => a.Id)
            .Concat(tree.AtLevel(AreaLevel.Community).Where(a => !AreaGrainFactory.IsLeaf(a)).Select(a => a.Id));
        await Parallel.ForEachAsync(leaves, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (id, _) => await grains.GetGrain<IGridGrain>(id).PingAsync());
        foreach (var area in tree.All.Where(a => !AreaGrainFactory.IsLeaf(a)).Reverse())
            await grains.GetAggregate(area).GetSnapshotAsync();
    }

    /// <summary>
    /// Waits until the root's sum includes every area below it: until then the city total is
    /// partial, and a host must not call itself ready with a wrong total.
    /// </summary>
    private async Task WaitForCompleteTreeAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + CompleteTreeTimeout;
        while (!(await grains.GetSnapshotAsync(tree.Root)).Complete)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                logger.LogWarning("The area tree did not report complete within {Timeout}; going on", CompleteTreeTimeout);
                return;
            }
            await Task.Delay(50, cancellationToken);
        }
    }
}
