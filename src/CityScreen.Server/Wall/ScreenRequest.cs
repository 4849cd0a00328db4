namespace CityScreen.Server.Wall;

/// <summary>
/// What a wall URL asks for: <c>/screen/{AreaId}</c> with <c>?layout=</c>, <c>?scale=</c> and
/// <c>?indicator=</c>, or a rotation's page (<c>?rotation=ID&amp;page=N</c>), which names its own area and layout.
/// </summary>
public sealed record ScreenRequest(
    string? AreaId, string? Indicator = null, string? Layout = null, string? Scale = null, string? Rotation = null, int? Page = null);
