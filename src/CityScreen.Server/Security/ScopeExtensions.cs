using CityScreen.Areas;

namespace CityScreen.Server.Security;

/// <summary>The caller's scope in an API handler.</summary>
public static class ScopeExtensions
{
    /// <summary>Whether the caller may see <paramref name="areaId"/>; false for an unknown area too, so both answer alike.</summary>
    public static bool MaySee(this HttpContext http, AreaTree tree, string areaId) =>
        AreaScope.For(http.User, tree)?.Contains(areaId) == true;

    public static AreaScope? Scope(this HttpContext http, AreaTree tree) => AreaScope.For(http.User, tree);
}
