namespace CityScreen.Domain.Index;

/// <summary>One dimension of one area on one day: Score = Σ indicator weight × indicator score.</summary>
public sealed record DimensionExplanation(
    string Id,
    string Name,
    double Weight,
    double? Score,
    IReadOnlyList<IndicatorExplanation> Indicators);
