namespace CityScreen.Areas;

/// <summary>The loaded area tree: one root (the city), every other area below exactly one parent.</summary>
public sealed class AreaTree
{
    private readonly Dictionary<string, Area> _byId;
    private readonly Dictionary<string, Area[]> _children;
    private readonly IReadOnlyList<Area> _all;

    /// <param name="topDown">Every area, parents before children.</param>
    internal AreaTree(IReadOnlyList<Area> topDown)
    {
        _all = topDown;
        _byId = topDown.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _children = topDown.ToDictionary(a => a.Id, a => a.ChildIds.Select(id => _byId[id]).ToArray(), StringComparer.Ordinal);
        Root = topDown[0];
    }

    public Area Root { get; }

    public int Count => _all.Count;

    /// <summary>Every area, parents before children.</summary>
    public IEnumerable<Area> All => _all;

    /// <summary>The areas without children: the grids in a complete tree.</summary>
    public IEnumerable<Area> Leaves => _all.Where(a => a.ChildIds.Count == 0);

    public Area Get(string id) =>
        TryGet(id, out var area) ? area : throw new KeyNotFoundException($"There is no area with id '{id}'.");

    public bool TryGet(string id, out Area area)
    {
        var found = _byId.TryGetValue(id, out var value);
        area = value!;
        return found;
    }

    /// <summary>The direct children, ordered by id.</summary>
    public IReadOnlyList<Area> Children(string id) =>
        _children.TryGetValue(id, out var children) ? children : throw new KeyNotFoundException($"There is no area with id '{id}'.");

    /// <summary>The parent first, the root last; empty for the root.</summary>
    public IEnumerable<Area> Ancestors(string id)
    {
        var area = Get(id);
        while (area.ParentId is { } parentId)
        {
            area = _byId[parentId];
            yield return area;
        }
    }

    public IEnumerable<Area> AtLevel(AreaLevel level) => _all.Where(a => a.Level == level);

    /// <summary>True when <paramref name="id"/> is <paramref name="ancestorId"/> or lies below it; false when either id is unknown.</summary>
    public bool IsInSubtree(string id, string ancestorId)
    {
        if (!_byId.TryGetValue(id, out var area) || !_byId.ContainsKey(ancestorId))
            return false;
        while (true)
        {
            if (area.Id == ancestorId)
                return true;
            if (area.ParentId is not { } parentId)
                return false;
            area = _byId[parentId];
        }
    }
}
