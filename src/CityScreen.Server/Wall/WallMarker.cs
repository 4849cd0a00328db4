using CityScreen.Rendering.Maps;

namespace CityScreen.Server.Wall;

/// <summary>
/// A case marker on the wall's map: where it falls in percent of the map's width and height, and
/// <see cref="NewsTicks"/>, when it was last news (a grid's newest report), which keys its ring so
/// that a grid's next case pulses again. <see cref="Rings"/>: whether a new case's marker plays its ring
/// (only the newest few of a redraw do, <see cref="WallRenderer.MaxNewCaseRings"/>).
/// </summary>
public sealed record WallMarker(string Id, MapMarkerKind Kind, string? Title, double Left, double Top, long NewsTicks, bool Rings = false);
