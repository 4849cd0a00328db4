namespace CityScreen.Simulator;

/// <summary>
/// How busy each local hour is, relative to the day's average (the 24 factors average 1, so a stream's
/// daily mean rate stays what was configured).
/// </summary>
internal sealed class DiurnalCurve
{
    private readonly double[] _factors;

    public DiurnalCurve(params double[] hourlyWeights)
    {
        if (hourlyWeights.Length != 24) throw new ArgumentException("a diurnal curve has 24 hourly weights", nameof(hourlyWeights));
        var mean = hourlyWeights.Average();
        _factors = [.. hourlyWeights.Select(w => w / mean)];
    }

    public double At(int localHour) => _factors[localHour];

    /// <summary>The same rate at every hour, for load tests that want the configured rate whatever the time.</summary>
    public static DiurnalCurve Flat { get; } = new([.. Enumerable.Repeat(1.0, 24)]);

    /// <summary>Grid workers' patrols (巡查上报) and residents by day: quiet at night, peaks 9–11 and 14–17.</summary>
    public static DiurnalCurve Street { get; } = new(
        0.15, 0.10, 0.08, 0.08, 0.10, 0.20, 0.50, 1.00, 1.60, 2.00, 2.10, 1.80,
        1.10, 1.10, 1.60, 1.80, 1.70, 1.30, 0.90, 0.70, 0.60, 0.50, 0.35, 0.25);

    /// <summary>12345 calls: the day shape plus evenings, when residents are home and neighbours are loud.</summary>
    public static DiurnalCurve Hotline { get; } = new(
        0.30, 0.20, 0.15, 0.12, 0.12, 0.20, 0.40, 0.80, 1.30, 1.60, 1.70, 1.50,
        1.10, 1.10, 1.40, 1.50, 1.40, 1.30, 1.20, 1.30, 1.40, 1.30, 1.00, 0.60);

    /// <summary>Party and volunteer work: office hours, plus early evenings for members who work by day.</summary>
    public static DiurnalCurve Community { get; } = new(
        0.05, 0.03, 0.02, 0.02, 0.03, 0.10, 0.40, 0.80, 1.40, 1.90, 2.00, 1.70,
        0.90, 0.90, 1.60, 1.80, 1.70, 1.30, 0.90, 1.00, 1.00, 0.60, 0.30, 0.10);
}
