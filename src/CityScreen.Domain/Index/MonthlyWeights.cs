namespace CityScreen.Domain.Index;

/// <summary>Freezes the weights of a month from the areas of one level over the month before.</summary>
public static class MonthlyWeights
{
    /// <summary>
    /// Entropy weights inside each dimension over the sub-indicator scores of
    /// <paramref name="areas"/> (each area's inputs pooled over the last full month), then
    /// 0.5 × AHP + 0.5 × entropy of the resulting dimension scores between dimensions.
    /// </summary>
    public static FrozenWeights Freeze(IndexModel model, DateOnly month, string level, IEnumerable<IReadOnlyDictionary<string, double>> areas) =>
        Freeze(model, month, level, areas.Select(a => (a, (IReadOnlyDictionary<string, double>?)null)));

    /// <summary>
    /// As above, with each area's rates first shrunk toward its parent's pooled rates (the
    /// <c>Parent</c> of each pair; null for none), and an area taking part in a sub-indicator's
    /// entropy only where its denominator reaches the sub-indicator's credibility k
    /// (<see cref="SubIndicator.Informs"/>): small samples vary by chance, and entropy would
    /// reward that noise with weight.
    /// </summary>
    public static FrozenWeights Freeze(
        IndexModel model, DateOnly month, string level,
        IEnumerable<(IReadOnlyDictionary<string, double> Inputs, IReadOnlyDictionary<string, double>? Parent)> areas)
    {
        var rows = areas.ToList();
        var indicatorWeights = new Dictionary<string, double>(StringComparer.Ordinal);
        var dimensionScores = rows.Select(_ => new double?[model.Dimensions.Count]).ToArray();

        for (var k = 0; k < model.Dimensions.Count; k++)
        {
            var indicators = model.Dimensions[k].Indicators;
            var scores = rows.Select(a => indicators.Select(i => i.ScoreOf(i.ShrunkValueOf(a.Inputs, a.Parent))).ToArray()).ToArray();
            var informative = rows.Select((a, r) => indicators.Select((i, j) => i.Informs(a.Inputs) ? scores[r][j] : null).ToArray()).ToArray();
            var weights = EntropyWeights.Of(informative, indicators.Count);
            for (var j = 0; j < indicators.Count; j++) indicatorWeights[indicators[j].Id] = weights[j];
            for (var a = 0; a < rows.Count; a++)
                dimensionScores[a][k] = PresentWeights.Score(PresentWeights.Of(weights, scores[a]), scores[a]);
        }

        var entropy = EntropyWeights.Of(dimensionScores, model.Dimensions.Count);
        var combined = DimensionWeights.Combine(model.Ahp.Priorities, entropy);
        var dimensions = model.Dimensions
            .Select((d, k) => new DimensionWeight(d.Id, model.Ahp.Priorities[k], entropy[k], combined[k]))
            .ToArray();
        return new FrozenWeights(model.Version, FirstDay(month), level, dimensions, indicatorWeights);
    }

    /// <summary>
    /// The weights before any month has been seen (a fresh start): AHP priorities between
    /// dimensions and equal weights inside each.
    /// </summary>
    public static FrozenWeights Priors(IndexModel model, DateOnly month, string level) => new(
        model.Version,
        FirstDay(month),
        level,
        model.Dimensions.Select((d, k) => new DimensionWeight(d.Id, model.Ahp.Priorities[k], null, model.Ahp.Priorities[k])).ToArray(),
        model.Dimensions
            .SelectMany(d => d.Indicators.Select(i => (i.Id, Weight: 1.0 / d.Indicators.Count)))
            .ToDictionary(x => x.Id, x => x.Weight, StringComparer.Ordinal));

    private static DateOnly FirstDay(DateOnly month) => new(month.Year, month.Month, 1);
}
