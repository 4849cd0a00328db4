namespace CityScreen.Dashboards.Panels;

/// <summary>
/// The speed of a board that scrolls when it has more rows than it shows (<c>ranking</c>,
/// <c>departments</c>): the seconds one row takes to pass, set by <c>secondsPerRow</c> in the layout.
/// </summary>
public static class ScrollingBoard
{
    /// <summary>Slow enough to read a name and its value at 5 m as it passes.</summary>
    public const int DefaultSecondsPerRow = 3;
    public const int MinSecondsPerRow = 1;
    public const int MaxSecondsPerRow = 30;
}
