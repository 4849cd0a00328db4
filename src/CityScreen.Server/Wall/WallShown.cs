namespace CityScreen.Server.Wall;

/// <summary>What a wall page shows: its area, layout, rotation page, scale mode and the time of its newest data.</summary>
public sealed record WallShown(
    string? AreaId, string? AreaName, string? Layout, string? Rotation, int? Page, int? PageCount, string Scale, DateTimeOffset? DataAt);
