namespace CityScreen.Dashboards;

/// <summary>
/// The <c>area</c> of a layout, panel or rotation page: an area id of the area tree, or
/// <see cref="Current"/>, the area of the page showing it (so one street layout serves every street).
/// </summary>
public static class AreaReference
{
    public const string Current = "$current";

    public const int MaxLength = 64;

    /// <summary>True for <see cref="Current"/> and for ids of letters, digits, '_' and '-' (administrative codes such as 610602001).</summary>
    public static bool IsValid(string? area) => area == Current || IsAreaId(area);

    public static bool IsAreaId(string? area)
    {
        if (string.IsNullOrEmpty(area) || area.Length > MaxLength) return false;
        foreach (var c in area)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) return false;
        return true;
    }

    /// <summary>Replaces <see cref="Current"/> by the area of the page.</summary>
    public static string Resolve(string area, string currentArea) => area == Current ? currentArea : area;
}
