namespace CityScreen.Contracts.Walls;

/// <summary>
/// A remote command for one wall: reload the page, or show a page — <see cref="Page"/> is the index
/// of a page of the wall's rotation, <see cref="Layout"/> a layout shown at the wall's area (a wall
/// without a rotation). <see cref="Id"/> tells commands apart in logs.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WallCommand(
    [property: Id(0)] string Id,
    [property: Id(1)] WallCommandKind Kind,
    [property: Id(2)] int? Page = null,
    [property: Id(3)] string? Layout = null);
