namespace CityScreen.Domain.Index;

/// <summary>
/// The entropy weight method (熵权法): a column whose scores differ more between areas tells them
/// apart better and weighs more.
/// </summary>
public static class EntropyWeights
{
    /// <summary>Spreads smaller than this are rounding, not variation.</summary>
    private const double NoSpread = 1e-9;

    /// <summary>
    /// Weights of the columns of <paramref name="scores"/> (rows = areas, columns = indicators or
    /// dimensions; scores ≥ 0, null where an area has no value). For each column, over the m areas
    /// that have a value: p_ij = s_ij / Σ_i s_ij, e_j = −(1/ln m) Σ_i p_ij ln p_ij with 0 ln 0 = 0,
    /// d_j = 1 − e_j, w_j = d_j / Σ_j d_j. A column without variation (all equal, all zero, or fewer
    /// than two values) has d_j = 0 and weight 0; when no column varies, the weights are equal:
    /// the month carried no information to prefer one over another.
    /// </summary>
    public static double[] Of(IReadOnlyList<IReadOnlyList<double?>> scores, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var d = new double[columns];
        for (var j = 0; j < columns; j++) d[j] = Divergence(scores, j);

        var total = d.Sum();
        if (total == 0) return Enumerable.Repeat(1.0 / columns, columns).ToArray();
        for (var j = 0; j < columns; j++) d[j] /= total;
        return d;
    }

    /// <summary>d_j = 1 − e_j of one column.</summary>
    private static double Divergence(IReadOnlyList<IReadOnlyList<double?>> scores, int j)
    {
        var values = new List<double>(scores.Count);
        foreach (var row in scores)
        {
            if (row.Count <= j) throw new ArgumentException($"a row has {row.Count} columns, expected at least {j + 1}", nameof(scores));
            if (row[j] is not { } s) continue;
            if (!double.IsFinite(s) || s < 0) throw new ArgumentException($"score {s} in column {j} is not a finite number ≥ 0", nameof(scores));
            values.Add(s);
        }
        if (values.Count < 2 || values.Max() - values.Min() <= NoSpread) return 0;

        var sum = values.Sum();
        var entropy = 0.0;
        foreach (var s in values)
        {
            if (s == 0) continue;
            var p = s / sum;
            entropy -= p * Math.Log(p);
        }
        entropy /= Math.Log(values.Count);
        return Math.Max(0, 1 - entropy);
    }
}
