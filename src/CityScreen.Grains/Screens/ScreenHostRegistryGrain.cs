using System.Collections.Immutable;
using CityScreen.Contracts.Grains;

namespace CityScreen.Grains.Screens;

/// <summary>The hosts with a screen feed; entries not renewed within <see cref="Expiry"/> are dropped.</summary>
public sealed class ScreenHostRegistryGrain(TimeProvider time) : Grain, IScreenHostRegistryGrain
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, (IScreenFeedObserver Feed, DateTimeOffset Seen)> _hosts = new(StringComparer.Ordinal);

    public Task RegisterAsync(string hostId, IScreenFeedObserver feed)
    {
        _hosts[hostId] = (feed, time.GetUtcNow());
        return Task.CompletedTask;
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
            if (entry.Seen < cutoff) _hosts.Remove(id);
        return Task.FromResult(_hosts.Values.Select(e => e.Feed).ToImmutableArray());
    }
}
