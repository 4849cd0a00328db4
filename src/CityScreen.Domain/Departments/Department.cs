namespace CityScreen.Domain.Departments;

/// <summary>
/// A functional department (职能部门) a street can summon (吹哨): a district bureau (<c>district</c>,
/// 区直部门) or a station inside one street (<c>street</c>, 街道站所), and the street ids it serves.
/// <paramref name="ShortName"/> is its 简称 (城管执法局 for 宝塔区城市管理执法局), what the wall's boards
/// show: full names of twelve characters and more do not fit a board readable at 5 m.
/// </summary>
public sealed record Department(string Id, string Name, string Kind, string Level, IReadOnlyList<string> Streets, string? ShortName = null)
{
    public const string DistrictLevel = "district";
    public const string StreetLevel = "street";

    /// <summary>The longest 简称 the file may give: what one cell of the 部门报到 board holds at 1080 lines.</summary>
    public const int ShortNameMaxLength = 6;

    /// <summary>The name a board draws: the 简称 when the file gives one.</summary>
    public string Label => ShortName ?? Name;
}
