using System.Collections.Immutable;
using Orleans.Concurrency;

namespace CityScreen.Contracts.Grains;

/// <summary>
/// Which hosts have a screen feed. Observer references expire and the grain may move, so every
/// host registers again on a timer; entries not renewed in time are dropped.
/// </summary>
public interface IScreenHostRegistryGrain : IGrainWithIntegerKey
{
    Task RegisterAsync(string hostId, IScreenFeedObserver feed);

    Task UnregisterAsync(string hostId);

    [AlwaysInterleave]
    Task<ImmutableArray<IScreenFeedObserver>> GetFeedsAsync();
}
