using CityScreen.Areas;

namespace CityScreen.Server.Wall;

/// <summary>
/// Which areas the map of an area colours: the first level below it with enough areas to make a
/// picture (a city of one district shows its communities, a community its grids), with the
/// level above drawn as outlines.
/// </summary>
public static class MapScope
{
    private const int EnoughAreas = 20;

    public static (IReadOnlyList<Area> Features, IReadOnlyList<Area> Outlines) For(AreaTree tree, Area area)
    {
        IReadOnlyList<Area> level = tree.Children(area.Id);
        IReadOnlyList<Area> above = [area];
        if (level.Count == 0) return ([area], []);
        while (level.Count < EnoughAreas)
        {
            var next = level.SelectMany(a => tree.Children(a.Id)).ToList();
            if (next.Count == 0) break;
            above = level;
            level = next;
        }
        return (level, above);
    }
}
