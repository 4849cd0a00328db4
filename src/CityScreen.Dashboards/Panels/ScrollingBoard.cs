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

    /// <summary>
    /// The inline style of a board of <paramref name="rows"/> rows that scrolls: one row every
    /// <paramref name="secondsPerRow"/>, moved in a step rather than a glide. A glide changes the
    /// picture in every frame the board is on screen (a tenth of a core in a wall's software-rendered
    /// browser); a step changes it once a row, and a row stands still while it is read.
    /// </summary>
    public static string Style(int rows, int secondsPerRow) =>
        FormattableString.Invariant($"animation-duration:{rows * secondsPerRow}s;animation-timing-function:steps({rows})");
}
