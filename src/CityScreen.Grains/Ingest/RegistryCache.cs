using System.Collections.Concurrent;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Domain.CoBuilding;
using CityScreen.Storage.Events;

namespace CityScreen.Grains.Ingest;

/// <summary>
/// The units, needs, resources and projects each community has listed, for the ingest check of
/// references (<see cref="RegistryReferences"/>). A community's ids are read from the store (its
/// own leaf and its grids) the first time a reference into it is checked, and kept up to date with
/// what this host stores; an id not found is read again before a request is refused, since another
/// host may have stored it.
/// </summary>
internal sealed class RegistryCache(AreaTree tree, IEventStore store)
{
    private readonly ConcurrentDictionary<string, HashSet<string>> _byCommunity = new(StringComparer.Ordinal);

    /// <summary>The community a leaf belongs to: itself when it is one, else its nearest community above.</summary>
    public string CommunityOf(string leafId)
    {
        foreach (var area in tree.Ancestors(leafId).Prepend(tree.Get(leafId)))
            if (area.Level == AreaLevel.Community) return area.Id;
        return leafId;
    }

    public async Task<bool> IsKnownAsync(string community, string key, CancellationToken cancellationToken)
    {
        if (_byCommunity.TryGetValue(community, out var known) && Contains(known, key)) return true;
        known = await LoadAsync(community, cancellationToken);
        return Contains(known, key);
    }

    /// <summary>Notes the items the stored events list.</summary>
    public void Remember(IEnumerable<CityEvent> stored)
    {
        foreach (var e in stored)
        {
            if (RegistryReferences.Lists(e) is not (var kind, var id)) continue;
            // Only communities already read are kept current; the others are read in full when first needed.
            if (_byCommunity.TryGetValue(CommunityOf(e.AreaId), out var known))
                lock (known) known.Add(RegistryReferences.Key(kind, id));
        }
    }

    private async Task<HashSet<string>> LoadAsync(string community, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var leaves = tree.Children(community).Where(a => a.ChildIds.Count == 0).Select(a => a.Id).Append(community);
        foreach (var leaf in leaves)
            foreach (var e in await store.ReadAreaAsync(leaf, cancellationToken))
                if (RegistryReferences.Lists(e) is (var kind, var id)) known.Add(RegistryReferences.Key(kind, id));
        _byCommunity[community] = known;
        return known;
    }

    private static bool Contains(HashSet<string> known, string key)
    {
        lock (known) return known.Contains(key);
    }
}
