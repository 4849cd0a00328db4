namespace CityScreen.Rendering.Charts;

/// <summary>
/// A line chart over time buckets, e.g. cases reported and closed per hour over the last 24 hours.
/// <paramref name="Times"/> are local bucket times; <paramref name="TimeFormat"/> is a .NET format such as "HH:mm" or "MM-dd".
/// </summary>
public sealed record TrendChartRequest(
    string Title,
    IReadOnlyList<DateTime> Times,
    IReadOnlyList<TrendSeries> Series,
    int Width,
    int Height,
    string TimeFormat);
