using CityScreen.Contracts.Grains;
using CityScreen.Grains;
using CityScreen.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Feed;

/// <summary>
/// Registers this host's <see cref="ScreenFeed"/> with the cluster, and again on a timer: observer
/// references are held weakly and expire, and the registry grain may move to another host.
/// The reference is kept here so it is not collected. The host id is this silo's address, which
/// is new at every start, so the registry can drop the entry as soon as the cluster declares it dead.
/// At each renewal it also asks again for the areas watched on this host (see <see cref="ScreenFeed.RefreshWatchedAsync"/>).
/// </summary>
public sealed class ScreenFeedRegistration(
    IGrainFactory grains, ScreenFeed feed, ILocalSiloDetails silo, IClusterMembershipService membership, IOptions<GrainOptions> options,
    IHostApplicationLifetime lifetime, ILogger<ScreenFeedRegistration> logger)
    : SiloBackgroundService(lifetime, logger)
{
    /// <summary>Well inside the registry's expiry; also how long a moved registry can be without this host.</summary>
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(5);
    private readonly string _hostId = silo.SiloAddress.ToParsableString();
    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IScreenFeedObserver? _reference;

    /// <summary>Completes once this host's feed is known to the cluster; areas are woken after it, so their first snapshots reach this host.</summary>
    public Task Registered => _registered.Task;

    /// <summary>
    /// Waits until every host's publisher has read the host list since this host registered (they
    /// keep it for <see cref="GrainOptions.HostListRefresh"/>), then fetches every area this host
    /// holds: what was published in between went to the other hosts only.
    /// </summary>
    public async Task CatchUpAsync(DateTimeOffset registeredBy, CancellationToken cancellationToken)
    {
        // Alone (the embedded mode, or the first host): the only publisher is this host's own, and it
        // read the list after this host registered.
        if (!membership.CurrentSnapshot.Members.Values.Any(m => m.Status != SiloStatus.Dead && !m.SiloAddress.Equals(silo.SiloAddress))) return;
        var wait = registeredBy + options.Value.HostListRefresh - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
        await feed.RefreshAllAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _reference = grains.CreateObjectReference<IScreenFeedObserver>(feed);
        var registry = grains.GetGrain<IScreenHostRegistryGrain>(0);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var known = await registry.RegisterAsync(_hostId, _reference);
                var first = _registered.TrySetResult();
                // Unknown after the first time: the registry moved (its host died) and forgot.
                if (!known && !first)
                {
                    logger.LogInformation("The screen registry had lost this host; fetching every area again");
                    await feed.RefreshAllAsync(stoppingToken);
                }
                else if (!first) await feed.RefreshWatchedAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not register the screen feed; retrying");
            }
            try
            {
                await Task.Delay(Renewal, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    protected override async Task OnStoppedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IScreenHostRegistryGrain>(0).UnregisterAsync(_hostId).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Could not unregister the screen feed at shutdown");
        }
        if (_reference is not null) grains.DeleteObjectReference<IScreenFeedObserver>(_reference);
    }
}
