using CityScreen.Areas;
using CityScreen.Domain.Ledger;

namespace CityScreen.Jobs;

/// <summary>
/// The leaves the rollups are kept for — every grid, and every community's own ledger (activities
/// that name the community, as events do) — and which leaves each area pools: all below it.
/// </summary>
public sealed class CityLeaves
{
    private readonly Dictionary<string, int[]> _leavesOf = new(StringComparer.Ordinal);

    public CityLeaves(AreaTree tree)
    {
        Tree = tree;
        var leaves = new List<Leaf>();
        foreach (var area in tree.All)
        {
            if (area.ChildIds.Count == 0)
            {
                var p = area.Profile;
                leaves.Add(new Leaf(area.Id, new LeafReference(p.Population, p.Households, p.MembersExpected, area.Level == AreaLevel.Grid, p.HasPartyBranch)));
            }
            else if (area.Level == AreaLevel.Community)
            {
                // The community's reference data already counts in its grids.
                leaves.Add(new Leaf(area.Id, LeafReference.None));
            }
        }
        All = leaves;
        var index = leaves.Select((l, i) => (l.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        // Bottom-up: an area pools its own leaf (if any) and everything its children pool.
        foreach (var area in tree.All.Reverse())
        {
            var own = index.TryGetValue(area.Id, out var i) ? new[] { i } : [];
            _leavesOf[area.Id] = own.Concat(area.ChildIds.SelectMany(c => _leavesOf[c])).ToArray();
        }
    }

    public AreaTree Tree { get; }

    public IReadOnlyList<Leaf> All { get; }

    /// <summary>Indexes into <see cref="All"/> of the leaves <paramref name="areaId"/> pools.</summary>
    public IReadOnlyList<int> LeavesOf(string areaId) => _leavesOf[areaId];

    /// <summary>A leaf's id is the area id its events carry: a grid's, or its community's.</summary>
    public sealed record Leaf(string Id, LeafReference Reference);
}
