namespace CityScreen.Simulator;

/// <summary>
/// A small seeded pseudo-random stream (SplitMix64) opened by key: the draws of one case or one minute
/// depend only on (seed, key), not on what was drawn before. That is what lets a case's plan be drawn
/// again at each of its steps instead of being kept in memory, and lets a restarted simulator with the
/// same seed produce the same events, with the same ids, for the same hours.
/// </summary>
internal struct RandomStream
{
    private ulong _state;

    private RandomStream(ulong state) => _state = state;

    public static RandomStream For(int seed, long key, long subKey = 0) =>
        new(Mix(Mix(Mix((ulong)seed) ^ (ulong)key) ^ (ulong)subKey));

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, count).</summary>
    public int Next(int count) => count <= 1 ? 0 : (int)(NextDouble() * count);

    public double Between(double min, double max) => min + (max - min) * NextDouble();

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A gap of a Poisson process with <paramref name="rate"/> events per unit of time.</summary>
    public double Exponential(double rate) => -Math.Log(1 - NextDouble()) / rate;

    /// <summary>An index drawn in proportion to <paramref name="weights"/>.</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var x = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Length - 1;
    }

    private ulong Next64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
