namespace CityScreen.Contracts.Walls;

/// <summary>
/// What one open wall says about itself at each heartbeat, from the host that holds its circuit.
/// <see cref="WallId"/> is the browser tab's own id (kept across reloads), so a reloaded wall is the
/// same wall with a new <see cref="CircuitId"/>; <see cref="Connects"/> counts how often this circuit's
/// connection came up (1, then once per reconnect). The screen size and memory come from the browser;
/// memory is null where the browser does not tell it (only Chromium does).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WallReport(
    [property: Id(0)] string WallId,
    [property: Id(1)] string Host,
    [property: Id(2)] string CircuitId,
    [property: Id(3)] int Connects,
    [property: Id(4)] DateTimeOffset ConnectedSince,
    [property: Id(5)] string? AreaId,
    [property: Id(6)] string? AreaName,
    [property: Id(7)] string? Layout,
    [property: Id(8)] string? Rotation,
    [property: Id(9)] int? Page,
    [property: Id(10)] int? PageCount,
    [property: Id(11)] string Scale,
    [property: Id(12)] int ScreenWidth,
    [property: Id(13)] int ScreenHeight,
    [property: Id(14)] long? MemoryBytes,
    [property: Id(15)] DateTimeOffset? DataAt,
    [property: Id(16)] string? User);
