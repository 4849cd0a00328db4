namespace CityScreen.Rendering.Charts;

/// <summary>
/// A line chart over time buckets, e.g. cases reported and closed per hour over the last 24 hours.
/// <paramref name="Times"/> are local bucket times; <paramref name="TimeFormat"/> is a .NET format such as "HH:mm" or "MM-dd".
/// <paramref name="Steps"/> draws each bucket's count as a flat step (sparse counts: a curve would show values that never happened);
/// <paramref name="Note"/> is a line of text after the legend, e.g. which days are simulated.
/// </summary>
public sealed record TrendChartRequest(
    string Title,
    IReadOnlyList<DateTime> Times,
    IReadOnlyList<TrendSeries> Series,
    int Width,
    int Height,
    string TimeFormat,
    bool Steps = false,
    string? Note = null);
