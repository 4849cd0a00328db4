namespace CityScreen.Rendering.Charts;

/// <summary>A ranking as horizontal bars, largest on top, e.g. cases by category; only the top <paramref name="MaxBars"/> are drawn.</summary>
public sealed record CategoryChartRequest(
    string Title,
    IReadOnlyList<(string Category, double Value)> Bars,
    int Width,
    int Height,
    int MaxBars = 10);
