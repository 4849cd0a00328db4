namespace CityScreen.Areas.Generation;

/// <summary>A community name to place in a street; the generator draws its boundary and grids.</summary>
internal sealed record CommunityPlan(string StreetCode, string Name);
