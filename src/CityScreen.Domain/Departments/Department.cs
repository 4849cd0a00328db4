namespace CityScreen.Domain.Departments;

/// <summary>
/// A functional department (职能部门) a street can summon (吹哨): a district bureau (<c>district</c>,
/// 区直部门) or a station inside one street (<c>street</c>, 街道站所), and the street ids it serves.
/// </summary>
public sealed record Department(string Id, string Name, string Kind, string Level, IReadOnlyList<string> Streets)
{
    public const string DistrictLevel = "district";
    public const string StreetLevel = "street";
}
