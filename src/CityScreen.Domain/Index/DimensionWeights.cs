namespace CityScreen.Domain.Index;

/// <summary>
/// Weights between dimensions: half the experts' judgment (AHP priorities), half what the month's
/// data says (entropy weights of the dimension scores), so neither can swing the index alone.
/// </summary>
public static class DimensionWeights
{
    public const double PriorShare = 0.5;

    /// <summary>w_k = 0.5 × prior_k + 0.5 × entropy_k, normalised to sum 1.</summary>
    public static double[] Combine(IReadOnlyList<double> priorities, IReadOnlyList<double> entropy)
    {
        if (priorities.Count != entropy.Count)
            throw new ArgumentException($"{priorities.Count} priorities but {entropy.Count} entropy weights", nameof(entropy));
        var w = new double[priorities.Count];
        for (var k = 0; k < w.Length; k++) w[k] = PriorShare * priorities[k] + (1 - PriorShare) * entropy[k];
        var total = w.Sum();
        if (!(total > 0)) throw new ArgumentException("the weights sum to zero", nameof(priorities));
        for (var k = 0; k < w.Length; k++) w[k] /= total;
        return w;
    }
}
