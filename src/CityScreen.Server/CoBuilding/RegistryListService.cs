using CityScreen.Areas;
using CityScreen.Domain.CoBuilding;
using CityScreen.Storage.Events;
using Microsoft.Extensions.Caching.Memory;

namespace CityScreen.Server.CoBuilding;

/// <summary>
/// A community's lists and units, folded from the event store (its own leaf and its grids), once per
/// version of their history (the newest event among those leaves), as the case list is.
/// </summary>
public sealed class RegistryListService(AreaTree tree, IEventStore store) : IDisposable
{
    private const int CachedCommunities = 256;

    private readonly MemoryCache _folded = new(new MemoryCacheOptions { SizeLimit = CachedCommunities });

    /// <summary>The community an area's lists belong to: the area itself, or a grid's community; null above the communities.</summary>
    public Area? CommunityOf(Area area) =>
        area.Level == AreaLevel.Community ? area
        : area.ChildIds.Count == 0 ? tree.Ancestors(area.Id).FirstOrDefault(a => a.Level == AreaLevel.Community)
        : null;

    public async Task<CommunityRegistry> RegistryAsync(Area community, CancellationToken cancellationToken)
    {
        var leaves = tree.Children(community.Id).Where(a => a.ChildIds.Count == 0).Select(a => a.Id).Append(community.Id).ToList();
        // Read before the history: a history read later is at least as new as its key.
        long version = 0;
        foreach (var leaf in leaves) version = Math.Max(version, await store.LastSeqAsync(leaf, cancellationToken));
        if (_folded.TryGetValue(community.Id, out (long Version, CommunityRegistry Registry) known) && known.Version == version) return known.Registry;
        var registry = new CommunityRegistry();
        foreach (var leaf in leaves)
            foreach (var e in await store.ReadAreaAsync(leaf, cancellationToken))
                registry.Apply(e);
        _folded.Set(community.Id, (version, registry), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return registry;
    }

    public void Dispose() => _folded.Dispose();
}
