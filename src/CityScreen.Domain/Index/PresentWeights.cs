namespace CityScreen.Domain.Index;

/// <summary>Weights renormalised over the parts (indicators or dimensions) that have a score.</summary>
public static class PresentWeights
{
    /// <summary>
    /// w_j / Σ w_k over the parts with a score, 0 for a part without one. An area that had no
    /// 12345 cases this month is judged on what it did have rather than marked down for it. When
    /// the parts that have a score all carry weight 0, they share equally: the area has evidence
    /// in this dimension and it should count.
    /// </summary>
    public static double[] Of(IReadOnlyList<double> weights, IReadOnlyList<double?> scores)
    {
        if (weights.Count != scores.Count)
            throw new ArgumentException($"{weights.Count} weights but {scores.Count} scores", nameof(scores));
        var effective = new double[weights.Count];
        var present = 0;
        var total = 0.0;
        for (var j = 0; j < weights.Count; j++)
        {
            if (scores[j] is null) continue;
            present++;
            total += weights[j];
        }
        if (present == 0) return effective;
        for (var j = 0; j < weights.Count; j++)
            if (scores[j] is not null) effective[j] = total > 0 ? weights[j] / total : 1.0 / present;
        return effective;
    }

    /// <summary>Σ w_j × s_j with the effective weights, or null when no part has a score.</summary>
    public static double? Score(IReadOnlyList<double> effective, IReadOnlyList<double?> scores)
    {
        double? sum = null;
        for (var j = 0; j < effective.Count; j++)
            if (scores[j] is { } s) sum = (sum ?? 0) + effective[j] * s;
        return sum;
    }
}
