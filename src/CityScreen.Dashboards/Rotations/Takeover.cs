namespace CityScreen.Dashboards.Rotations;

/// <summary>
/// What a critical case does to a rotating wall: for <see cref="Seconds"/> it shows
/// <see cref="Layout"/> (null: the layout on screen) with the case's grid as <c>$current</c>,
/// the case flashing; then the rotation resumes where it was.
/// </summary>
public sealed record Takeover(int Seconds, string? Layout = null);
