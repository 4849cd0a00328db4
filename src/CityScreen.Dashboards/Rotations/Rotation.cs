namespace CityScreen.Dashboards.Rotations;

/// <summary>轮播: the pages a wall cycles through in order, and the takeover for critical cases (null: none).</summary>
public sealed record Rotation(string Id, string? Title, IReadOnlyList<RotationPage> Pages, Takeover? Takeover);
