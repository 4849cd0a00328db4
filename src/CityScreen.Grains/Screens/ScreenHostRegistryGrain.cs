using System.Collections.Immutable;
using CityScreen.Contracts.Grains;

namespace CityScreen.Grains.Screens;

/// <summary>
/// The hosts with a screen feed. An entry goes when it is not renewed within <see cref="Expiry"/>,
/// or at once when the cluster declares its silo dead: a killed host's observer would otherwise
/// be sent every snapshot until it expired.
/// </summary>
public sealed class ScreenHostRegistryGrain(TimeProvider time, IClusterMembershipService membership) : Grain, IScreenHostRegistryGrain
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, (IScreenFeedObserver Feed, DateTimeOffset Seen)> _hosts = new(StringComparer.Ordinal);

    public Task<bool> RegisterAsync(string hostId, IScreenFeedObserver feed)
    {
        var known = _hosts.ContainsKey(hostId);
        _hosts[hostId] = (feed, time.GetUtcNow());
        return Task.FromResult(known);
    }

    public Task UnregisterAsync(string hostId)
    {
        _hosts.Remove(hostId);
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<IScreenFeedObserver>> GetFeedsAsync()
    {
        var cutoff = time.GetUtcNow() - Expiry;
        foreach (var (id, entry) in _hosts.ToList())
            if (entry.Seen < cutoff || IsDead(id)) _hosts.Remove(id);
        return Task.FromResult(_hosts.Values.Select(e => e.Feed).ToImmutableArray());
    }

    /// <summary>A host id that is not a silo address (none is, today) only expires.</summary>
    private bool IsDead(string hostId) =>
        SiloAddress.TryParse(hostId, out var silo) && membership.CurrentSnapshot.GetSiloStatus(silo) == SiloStatus.Dead;
}
