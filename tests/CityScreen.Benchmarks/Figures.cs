using System.Globalization;

namespace CityScreen.Benchmarks;

/// <summary>One measured number of a scenario, printed as a row of the results table.</summary>
public sealed record Figure(string Scenario, string What, double Value, string Unit)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"| {Scenario} | {What} | {Format(Value)} {Unit} |");

    private static string Format(double v) => Math.Abs(v) >= 100 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>Collects the figures of a run and prints each as it comes.</summary>
public sealed class Figures
{
    private readonly List<Figure> _all = [];

    public IReadOnlyList<Figure> All => _all;

    public void Add(string scenario, string what, double value, string unit)
    {
        if (!double.IsFinite(value)) throw new InvalidOperationException($"{scenario}: {what} came out as {value}");
        var figure = new Figure(scenario, what, value, unit);
        _all.Add(figure);
        Console.WriteLine(figure);
    }

    public static double Percentile(IReadOnlyCollection<double> values, double percentile)
    {
        if (values.Count == 0) throw new InvalidOperationException("no samples to take a percentile of");
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
