namespace CityScreen.Domain.CoBuilding;

/// <summary>
/// A service site (阵地) of a community: a 党群服务中心, a 红色驿站 or a 帮办站, where it stands
/// (<see cref="Lon"/>, <see cref="Lat"/>) and the community it belongs to.
/// </summary>
public sealed record ServiceSite(string Id, string Name, string Kind, string CommunityId, double Lon, double Lat)
{
    public static readonly IReadOnlyList<string> Kinds = ["党群服务中心", "红色驿站", "帮办站"];
}
