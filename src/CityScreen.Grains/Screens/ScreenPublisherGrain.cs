using System.Collections.Immutable;
using CityScreen.Contracts.Grains;
using CityScreen.Contracts.Indicators;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace CityScreen.Grains.Screens;

/// <summary>
/// One per silo: keeps the newest snapshot per area (latest wins) and sends the batch to every
/// host's feed on a short timer; alerts go out at once. Sends are one-way, so a slow or vanished
/// host never holds up an area grain.
/// </summary>
[StatelessWorker(1)]
public sealed class ScreenPublisherGrain(IOptions<GrainOptions> options, IClusterMembershipService membership, ILogger<ScreenPublisherGrain> logger)
    : Grain, IScreenPublisherGrain
{
    private readonly Dictionary<string, IndicatorSnapshot> _pending = new(StringComparer.Ordinal);
    private ImmutableArray<IScreenFeedObserver> _feeds = [];
    private DateTimeOffset _feedsReadAt = DateTimeOffset.MinValue;
    private MembershipVersion _feedsMembership = MembershipVersion.MinValue;
    private bool _scheduled;

    public Task PublishAsync(IndicatorSnapshot snapshot)
    {
        if (!_pending.TryGetValue(snapshot.AreaId, out var known) || known.Version < snapshot.Version)
            _pending[snapshot.AreaId] = snapshot;
        if (!_scheduled)
        {
            _scheduled = true;
            _ = SendLaterAsync();
        }
        return Task.CompletedTask;
    }

    public async Task AlertAsync(CaseAlert alert)
    {
        foreach (var feed in await FeedsAsync()) _ = feed.OnAlertsAsync([alert]);
    }

    private async Task SendLaterAsync()
    {
        await Task.Delay(options.Value.PublishInterval);
        _scheduled = false;
        if (_pending.Count == 0) return;
        var batch = _pending.Values.ToArray();
        _pending.Clear();
        foreach (var feed in await FeedsAsync()) _ = feed.OnSnapshotsAsync(batch);
    }

    /// <summary>
    /// The hosts' feeds, read again on a timer and whenever a silo joins or dies: a joined host
    /// gets snapshots without waiting for the timer, a dead one stops being sent to.
    /// </summary>
    private async Task<ImmutableArray<IScreenFeedObserver>> FeedsAsync()
    {
        var membershipVersion = membership.CurrentSnapshot.Version;
        if (DateTimeOffset.UtcNow - _feedsReadAt < options.Value.HostListRefresh && !_feeds.IsEmpty && membershipVersion == _feedsMembership)
            return _feeds;
        try
        {
            _feeds = await GrainFactory.GetGrain<IScreenHostRegistryGrain>(0).GetFeedsAsync();
            _feedsReadAt = DateTimeOffset.UtcNow;
            _feedsMembership = membershipVersion;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not read the list of screen hosts; keeping the last one");
        }
        return _feeds;
    }
}
