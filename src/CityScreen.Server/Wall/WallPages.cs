using CityScreen.Contracts.Walls;
using CityScreen.Dashboards.Catalog;

namespace CityScreen.Server.Wall;

/// <summary>
/// The pages a fleet view may send a wall to: the pages of its rotation (by index, or the first
/// with a layout), or, for a wall without a rotation, any layout shown at its area.
/// </summary>
public static class WallPages
{
    /// <summary>One choice: <see cref="Index"/> in the rotation (null: a layout for a wall without one).</summary>
    public sealed record Choice(int? Index, string Layout, string Label);

    /// <summary>A resolved page (<see cref="Page"/> or <see cref="Layout"/>), or the field and why it is not one.</summary>
    public sealed record Target(int? Page, string? Layout, string? Field = null, string? Problem = null);

    public static IReadOnlyList<Choice> Of(WallReport wall, DashboardCatalog dashboards)
    {
        if (wall.Rotation is { } id)
            return dashboards.TryGetRotation(id, out var rotation)
                ? [.. rotation.Pages.Select((p, i) => new Choice(i, p.Layout, $"第 {i + 1} 页 · {Title(p.Layout, dashboards)}{(p.Area is { } a ? " · " + a : "")}"))]
                : [];
        return [.. dashboards.Layouts.Values.OrderBy(l => l.Id, StringComparer.Ordinal).Select(l => new Choice(null, l.Id, Title(l.Id, dashboards)))];
    }

    public static Target Resolve(WallReport wall, DashboardCatalog dashboards, int? index, string? layout)
    {
        if (index is null == layout is null) return new(null, null, "index", "give either index (a page of the wall's rotation) or layout, not both");
        if (wall.Rotation is { } id)
        {
            if (!dashboards.TryGetRotation(id, out var rotation)) return new(null, null, "index", $"the wall's rotation '{id}' is no longer in the dashboards");
            if (index is { } i)
                return i >= 0 && i < rotation.Pages.Count ? new(i, null) : new(null, null, "index", $"the rotation '{id}' has pages 0 to {rotation.Pages.Count - 1}");
            var found = rotation.Pages.ToList().FindIndex(p => p.Layout == layout);
            return found >= 0 ? new(found, null) : new(null, null, "layout", $"the rotation '{id}' has no page with layout '{layout}'");
        }
        if (index is not null) return new(null, null, "index", "the wall shows no rotation: name a layout instead");
        return dashboards.TryGetLayout(layout!, out _) ? new(null, layout) : new(null, null, "layout", $"there is no layout '{layout}'");
    }

    private static string Title(string layout, DashboardCatalog dashboards) =>
        dashboards.TryGetLayout(layout, out var l) && !string.IsNullOrEmpty(l.Title) ? $"{l.Title}（{layout}）" : layout;
}
