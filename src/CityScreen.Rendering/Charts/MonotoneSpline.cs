namespace CityScreen.Rendering.Charts;

/// <summary>
/// Monotone cubic (Fritsch–Carlson) interpolation for "smooth-ish" trend lines. Unlike a plain spline it never
/// overshoots between buckets, so a count never dips below zero and a peak on the wall is a peak in the data.
/// </summary>
internal static class MonotoneSpline
{
    /// <summary>Samples the curve through (i, ys[i]) with <paramref name="samplesPerSegment"/> points per bucket.</summary>
    public static (double[] Xs, double[] Ys) Sample(IReadOnlyList<double> ys, int samplesPerSegment)
    {
        var n = ys.Count;
        if (n < 3 || samplesPerSegment < 2)
            return (Enumerable.Range(0, n).Select(i => (double)i).ToArray(), ys.ToArray());

        var tangents = Tangents(ys);
        var count = (n - 1) * samplesPerSegment + 1;
        var xs = new double[count];
        var values = new double[count];
        for (var k = 0; k < count; k++)
        {
            var segment = Math.Min(k / samplesPerSegment, n - 2);
            var t = (double)(k - segment * samplesPerSegment) / samplesPerSegment;
            xs[k] = segment + t;
            values[k] = Hermite(ys[segment], ys[segment + 1], tangents[segment], tangents[segment + 1], t);
        }
        return (xs, values);
    }

    private static double[] Tangents(IReadOnlyList<double> ys)
    {
        var n = ys.Count;
        var slopes = new double[n - 1];
        for (var i = 0; i < n - 1; i++)
            slopes[i] = ys[i + 1] - ys[i];

        var m = new double[n];
        m[0] = slopes[0];
        m[n - 1] = slopes[n - 2];
        for (var i = 1; i < n - 1; i++)
            m[i] = slopes[i - 1] * slopes[i] <= 0 ? 0 : (slopes[i - 1] + slopes[i]) / 2;

        // Clamp tangents so each segment stays monotone (Fritsch & Carlson 1980).
        for (var i = 0; i < n - 1; i++)
        {
            if (slopes[i] == 0)
            {
                m[i] = 0;
                m[i + 1] = 0;
                continue;
            }
            var a = m[i] / slopes[i];
            var b = m[i + 1] / slopes[i];
            var h = a * a + b * b;
            if (h > 9)
            {
                var s = 3 / Math.Sqrt(h);
                m[i] = s * a * slopes[i];
                m[i + 1] = s * b * slopes[i];
            }
        }
        return m;
    }

    private static double Hermite(double y0, double y1, double m0, double m1, double t)
    {
        var t2 = t * t;
        var t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * m0 + (-2 * t3 + 3 * t2) * y1 + (t3 - t2) * m1;
    }
}
