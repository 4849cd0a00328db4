namespace CityScreen.Jobs.History;

/// <summary>The few distributions the simulated history draws from, on a seeded <see cref="Random"/>.</summary>
internal static class Draws
{
    public static double Normal(Random r)
    {
        // Box–Muller; 1 − u keeps the logarithm away from 0.
        var u = 1 - r.NextDouble();
        var v = r.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>Counts of independent arrivals with mean <paramref name="mean"/>.</summary>
    public static int Poisson(Random r, double mean)
    {
        if (!(mean > 0)) return 0;
        if (mean > 30) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal(r)));
        // Knuth: multiply uniforms until the product falls below e^−mean.
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = r.NextDouble();
        while (p > limit)
        {
            k++;
            p *= r.NextDouble();
        }
        return k;
    }

    /// <summary>How many of <paramref name="n"/> succeed with chance <paramref name="p"/> each.</summary>
    public static int Binomial(Random r, int n, double p)
    {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        if (n > 50)
        {
            var mean = n * p;
            return Math.Clamp((int)Math.Round(mean + Math.Sqrt(mean * (1 - p)) * Normal(r)), 0, n);
        }
        var k = 0;
        for (var i = 0; i < n; i++)
            if (r.NextDouble() < p) k++;
        return k;
    }

    /// <summary>A seed that depends only on the text, not on the process (string.GetHashCode is randomised per run).</summary>
    public static int Seed(string text, int salt)
    {
        unchecked
        {
            var h = 2166136261u ^ (uint)salt;
            foreach (var ch in text) h = (h ^ ch) * 16777619u;
            return (int)(h & 0x7fffffff);
        }
    }
}
