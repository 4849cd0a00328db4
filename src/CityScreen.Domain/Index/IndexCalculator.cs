namespace CityScreen.Domain.Index;

/// <summary>
/// The development index of one area from its pooled inputs, with one model and one month's
/// frozen weights. A parent is computed from the sums of its grids' counts like any other area,
/// never from its children's indices.
/// </summary>
public sealed class IndexCalculator
{
    private readonly double[][] _indicatorWeights;
    private readonly double[] _dimensionWeights;

    public IndexCalculator(IndexModel model, FrozenWeights weights)
    {
        if (weights.ModelVersion != model.Version)
            throw new ArgumentException($"the weights were frozen for model {weights.ModelVersion}, not {model.Version}", nameof(weights));
        Model = model;
        Weights = weights;
        _dimensionWeights = model.Dimensions.Select(d => WeightOf(weights, d)).ToArray();
        _indicatorWeights = model.Dimensions
            .Select(d => d.Indicators.Select(i => Checked(weights.Indicators.TryGetValue(i.Id, out var w) ? w : null, i.Id)).ToArray())
            .ToArray();
    }

    public IndexModel Model { get; }
    public FrozenWeights Weights { get; }

    /// <summary>
    /// The index of <paramref name="areaId"/> on <paramref name="date"/> from its pooled inputs
    /// (input name → count summed over its grids and the window). An input that is absent counts
    /// as 0: the daily rollups store only what happened. Each rate is shrunk toward the same rate
    /// of <paramref name="parent"/> (the parent's pooled inputs; none for the root) by its
    /// credibility weight before it is scored.
    /// </summary>
    public IndexExplanation Compute(string areaId, DateOnly date, IReadOnlyDictionary<string, double> inputs, IReadOnlyDictionary<string, double>? parent = null)
    {
        foreach (var (name, value) in inputs)
            if (!double.IsFinite(value) || value < 0)
                throw new ArgumentException($"input '{name}' of {areaId} is {value}; counts are finite and ≥ 0", nameof(inputs));

        var dimensions = new List<(IndexDimension Dimension, double? Score, IndicatorExplanation[] Indicators)>();
        for (var k = 0; k < Model.Dimensions.Count; k++)
        {
            var dimension = Model.Dimensions[k];
            var values = dimension.Indicators.Select(i => i.ShrunkValueOf(inputs, parent)).ToArray();
            var scores = dimension.Indicators.Select((i, j) => i.ScoreOf(values[j])).ToArray();
            var effective = PresentWeights.Of(_indicatorWeights[k], scores);
            var indicators = dimension.Indicators
                .Select((i, j) => new IndicatorExplanation(
                    i.Id, i.Name, values[j], scores[j], effective[j],
                    inputs.GetValueOrDefault(i.Numerator), inputs.GetValueOrDefault(i.Denominator),
                    i.ValueOf(inputs), parent is null || i.ValueOf(parent) is null ? 1 : i.CredibilityOf(inputs.GetValueOrDefault(i.Denominator))))
                .ToArray();
            dimensions.Add((dimension, PresentWeights.Score(effective, scores), indicators));
        }

        var dimensionScores = dimensions.Select(d => d.Score).ToArray();
        var dimensionWeights = PresentWeights.Of(_dimensionWeights, dimensionScores);
        return new IndexExplanation(
            areaId,
            date,
            PresentWeights.Score(dimensionWeights, dimensionScores),
            Model.Version,
            dimensions.Select((d, k) => new DimensionExplanation(d.Dimension.Id, d.Dimension.Name, dimensionWeights[k], d.Score, d.Indicators)).ToArray());
    }

    private static double WeightOf(FrozenWeights weights, IndexDimension dimension) =>
        Checked(weights.Dimensions.FirstOrDefault(w => w.Id == dimension.Id)?.Weight, dimension.Id);

    private static double Checked(double? weight, string id) => weight switch
    {
        null => throw new ArgumentException($"the frozen weights have no weight for '{id}'", "weights"),
        { } w when !double.IsFinite(w) || w < 0 => throw new ArgumentException($"the weight of '{id}' is {w}; weights are finite and ≥ 0", "weights"),
        { } w => w,
    };
}
