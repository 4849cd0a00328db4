using System.Security.Claims;
using CityScreen.Areas;

namespace CityScreen.Server.Security;

/// <summary>
/// What one identity may see: an area and everything below it. Anything outside answers exactly as
/// an unknown area does, so a sibling's data can be neither read nor inferred.
/// </summary>
public sealed class AreaScope(AreaTree tree, Area root)
{
    public Area Root { get; } = root;

    public bool Contains(string areaId) => tree.TryGet(areaId, out _) && tree.IsInSubtree(areaId, Root.Id);

    /// <summary>
    /// Whether an area's rank among its siblings may be shown: a rank is made of the siblings'
    /// values, so only a viewer who may see the parent (and with it the siblings) sees it.
    /// </summary>
    public bool SeesRankOf(string areaId) =>
        tree.TryGet(areaId, out var area) && (area.ParentId is null || Contains(area.ParentId));

    /// <summary>
    /// The parent an area shows: none at the scope's root, which is the top of everything this
    /// identity sees, so no name or id above the scope is given away.
    /// </summary>
    public string? ParentShown(string? parentId) => parentId is not null && Contains(parentId) ? parentId : null;

    /// <summary>The way down from the scope's root to an area, the area itself left out: its breadcrumbs.</summary>
    public IEnumerable<Area> Crumbs(string areaId) => tree.Ancestors(areaId).Reverse().Where(a => Contains(a.Id));

    /// <summary>The identity's scope; null when it names an area the tree does not have (it then sees nothing).</summary>
    public static AreaScope? For(ClaimsPrincipal user, AreaTree tree)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var areaId = user.AreaOf();
        if (string.IsNullOrEmpty(areaId)) return new AreaScope(tree, tree.Root);
        return tree.TryGet(areaId, out var area) ? new AreaScope(tree, area) : null;
    }
}
