using System.Globalization;

namespace CityScreen.Rendering.Maps;

/// <summary>
/// Equal-interval classes on round numbers (0–20, 20–40 …) — what an operator can read off a legend at
/// 5 m — aiming for 5–7 classes. Classes are half-open except the last, which includes the maximum.
/// </summary>
internal sealed class ClassBreaks
{
    private const int MinClasses = 5;
    private const int MaxClasses = 7;

    /// <summary>Step mantissas from roundest to least round; the first tier that yields 5–7 classes wins.</summary>
    private static readonly double[][] MantissaTiers = [[1, 2, 5], [2.5], [4, 3, 6, 8], [1.5, 1.2]];

    private readonly double[] _edges;
    private readonly int _decimals;

    private ClassBreaks(double[] edges, int decimals)
    {
        _edges = edges;
        _decimals = decimals;
    }

    /// <summary>Number of classes; 0 when no feature has a value.</summary>
    public int Count => Math.Max(_edges.Length - 1, 0);

    public static ClassBreaks From(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
            return new ClassBreaks([], 0);

        var min = finite.Min();
        var max = finite.Max();
        var integral = finite.All(v => v == Math.Floor(v));
        if (max - min <= Math.Abs(max) * 1e-12)
            return new ClassBreaks([min, max], integral ? 0 : Math.Min(DecimalsOf(min), 2));

        var step = ChooseStep(min, max, integral);
        var lo = Math.Floor(min / step + 1e-9) * step;
        var count = Math.Max(1, (int)Math.Ceiling((max - lo) / step - 1e-9));
        var edges = Enumerable.Range(0, count + 1).Select(i => lo + i * step).ToArray();
        return new ClassBreaks(edges, DecimalsOf(step));
    }

    /// <summary>Class index of a value, 0 = lowest.</summary>
    public int ClassOf(double value)
    {
        if (Count <= 1)
            return 0;
        var step = _edges[1] - _edges[0];
        return Math.Clamp((int)Math.Floor((value - _edges[0]) / step + 1e-9), 0, Count - 1);
    }

    public string Label(int index)
    {
        var lo = Format(_edges[index]);
        var hi = Format(_edges[index + 1]);
        return lo == hi ? lo : $"{lo} – {hi}";
    }

    private string Format(double value) => value.ToString("N" + _decimals, CultureInfo.InvariantCulture);

    private static double ChooseStep(double min, double max, bool integral)
    {
        var magnitude = Math.Floor(Math.Log10(max - min));
        var candidates = new List<(int Tier, double Step, int Count)>();
        for (var tier = 0; tier < MantissaTiers.Length; tier++)
        {
            for (var exponent = magnitude - 3; exponent <= magnitude + 1; exponent++)
            {
                foreach (var mantissa in MantissaTiers[tier])
                {
                    var step = mantissa * Math.Pow(10, exponent);
                    if (integral && step != Math.Floor(step))
                        continue; // counts never get classes like 2.5 – 5
                    candidates.Add((tier, step, ClassCount(min, max, step)));
                }
            }
        }

        // Within a tier, prefer the classes that waste least range beyond the data, then fewer classes.
        var fitting = candidates.Where(c => c.Count is >= MinClasses and <= MaxClasses)
            .OrderBy(c => c.Tier).ThenBy(c => Math.Round(Waste(min, max, c.Step, c.Count), 9)).ThenByDescending(c => c.Step).ToList();
        if (fitting.Count > 0)
            return fitting[0].Step;
        // Few distinct integers (0..3) cannot make 5 classes; take the closest count that is not too many.
        return candidates.Where(c => c.Count <= MaxClasses)
            .OrderBy(c => Math.Abs(c.Count - MinClasses)).ThenBy(c => c.Tier).ThenByDescending(c => c.Step)
            .Select(c => c.Step).DefaultIfEmpty(max - min).First();
    }

    private static double Waste(double min, double max, double step, int count) =>
        count * step - (max - min);

    private static int ClassCount(double min, double max, double step)
    {
        var lo = Math.Floor(min / step + 1e-9) * step;
        return Math.Max(1, (int)Math.Ceiling((max - lo) / step - 1e-9));
    }

    private static int DecimalsOf(double step)
    {
        for (var d = 0; d < 6; d++)
        {
            var scaled = step * Math.Pow(10, d);
            if (Math.Abs(scaled - Math.Round(scaled)) < 1e-6 * Math.Max(1, scaled))
                return d;
        }
        return 6;
    }
}
