using CityScreen.Areas;
using CityScreen.Contracts.Grains;
using CityScreen.Grains;
using CityScreen.Server.Feed;
using CityScreen.Server.Wall;
using CityScreen.Storage.Events;

namespace CityScreen.Server.Hosting;

/// <summary>
/// Opens the store, then wakes every area grain so that each grid rebuilds its ledger and its
/// clock runs (overdue cases and midnight change indicators without new events), and keeps them
/// awake. Runs once the host, and so the silo, has started. In a cluster each
/// host keeps only its share of the areas awake, and does so at once when a host joins or dies:
/// the grains of a dead host come back on the survivors, rebuilt from the shared store.
/// </summary>
public sealed class StartupService(
    IEventStore store, AreaTree tree, IGrainFactory grains, Readiness readiness, ScreenFeedRegistration feedRegistration, OpenAlarms alarms,
    IClusterMembershipService membership, ILocalSiloDetails silo, IHostApplicationLifetime lifetime, ILogger<StartupService> logger)
    : SiloBackgroundService(lifetime, logger)
{
    private static readonly TimeSpan KeepAwake = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MembershipCheck = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CompleteTreeTimeout = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        readiness.Starting("opening the event store");
        await store.InitializeAsync(stoppingToken);
        readiness.Starting("registering the screen feed");
        await feedRegistration.Registered.WaitAsync(stoppingToken);
        readiness.Starting("activating areas");
        var started = DateTimeOffset.UtcNow;
        await WakeUntilDoneAsync(stoppingToken);
        await WaitForCompleteTreeAsync(stoppingToken);
        readiness.Starting("catching up with the other hosts' screens");
        await feedRegistration.CatchUpAsync(started, stoppingToken);
        readiness.Starting("restoring the wall's open alarms");
        await RestoreAlarmsAsync(stoppingToken);
        readiness.MarkReady();
        // Counted once ready: counting a long log is seconds no wall should wait for.
        var count = await store.CountAsync(stoppingToken);
        logger.LogInformation("CityScreen ready: {Areas} areas, {Events} stored events, areas rebuilt in {Seconds:F1} s",
            tree.Count, count, (DateTimeOffset.UtcNow - started).TotalSeconds);

        var wokenAt = DateTimeOffset.UtcNow;
        var wokenWith = membership.CurrentSnapshot.Version;
        using var timer = new PeriodicTimer(MembershipCheck);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var snapshot = membership.CurrentSnapshot;
            if (snapshot.Version == wokenWith && DateTimeOffset.UtcNow - wokenAt < KeepAwake) continue;
            try
            {
                await WakeAsync(HostShare(snapshot), stoppingToken);
                wokenAt = DateTimeOffset.UtcNow;
                wokenWith = snapshot.Version;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not wake every area grain; trying again in {Delay}", MembershipCheck);
            }
        }
    }

    /// <summary>
    /// The wall's open alarms as the rebuilt grids hold them, so that a restart does not forget the
    /// major, critical and red cases still open. A wall without them is still a wall: a failure is
    /// logged, and the host gets ready with the alarms it hears from then on.
    /// </summary>
    private async Task RestoreAlarmsAsync(CancellationToken stoppingToken)
    {
        try
        {
            await alarms.RestoreAsync(grains, tree, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not read the open alarms of every grid; the wall shows those it has and those raised from now on");
        }
    }

    /// <summary>
    /// The first wake of every area. On a large store or a busy machine a grid's replay can take
    /// longer than a grain call may wait; the host must then go on waking (areas already awake
    /// answer at once), never give up and stop: a wall needs this host to come up eventually.
    /// </summary>
    private async Task WakeUntilDoneAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await WakeAsync(_ => true, stoppingToken);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Some areas were not awake in time; waking them again");
            }
        }
    }

    /// <summary>
    /// The areas this host keeps awake: the active hosts, in address order, take the areas in tree
    /// order in turn. Every host sees the same tree and, once membership settles, the same hosts,
    /// so each area is pinged by one host; while a change settles an area may be pinged twice.
    /// </summary>
    private Func<int, bool> HostShare(ClusterMembershipSnapshot snapshot)
    {
        var active = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active)
            .Select(m => m.SiloAddress.ToParsableString()).Order(StringComparer.Ordinal).ToList();
        var me = active.IndexOf(silo.SiloAddress.ToParsableString());
        if (me < 0) return _ => true;
        return index => index % active.Count == me;
    }

    /// <summary>Leaves first (they replay the store), then the aggregates bottom-up; <paramref name="mine"/> takes an area's index in the tree.</summary>
    private async Task WakeAsync(Func<int, bool> mine, CancellationToken cancellationToken)
    {
        var areas = tree.All.Select((area, index) => (area, index)).Where(x => mine(x.index)).Select(x => x.area).ToList();
        var leaves = areas.Where(AreaGrainFactory.IsLeaf).Select(a => a.Id)
            .Concat(areas.Where(a => a.Level == AreaLevel.Community && !AreaGrainFactory.IsLeaf(a)).Select(a => a.Id));
        await Parallel.ForEachAsync(leaves, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (id, _) => await grains.GetGrain<IGridGrain>(id).PingAsync());
        foreach (var area in areas.Where(a => !AreaGrainFactory.IsLeaf(a)).Reverse())
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
