namespace CityScreen.Dashboards;

/// <summary>
/// Ids of layouts, rotations and panels. A layout's id is also its file name, so the alphabet is
/// kept to <c>[a-z0-9-]</c>: no dots, slashes or drive letters can reach a path (path traversal).
/// </summary>
public static class DashboardId
{
    public const int MaxLength = 64;

    public const string Rule = "an id of lower-case letters, digits and '-' (at most 64, not starting with '-')";

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength || id[0] == '-') return false;
        foreach (var c in id)
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')) return false;
        return true;
    }
}
