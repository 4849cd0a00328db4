using System.Collections.Immutable;
using Orleans.Concurrency;

namespace CityScreen.Contracts.Grains;

/// <summary>
/// Which hosts have a screen feed. Observer references expire and the grain may move, so every
/// host registers again on a timer; entries not renewed in time, or whose silo the cluster has
/// declared dead, are dropped. A host id names its silo (<c>SiloAddress.ToParsableString()</c>).
/// </summary>
public interface IScreenHostRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Registers or renews; false when the registry did not know the host (first start, or the registry moved and forgot).</summary>
    Task<bool> RegisterAsync(string hostId, IScreenFeedObserver feed);

    Task UnregisterAsync(string hostId);

    [AlwaysInterleave]
    Task<ImmutableArray<IScreenFeedObserver>> GetFeedsAsync();
}
