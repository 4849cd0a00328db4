namespace CityScreen.Domain.Index;

/// <summary>
/// One sub-indicator of one area on one day: the pooled counts behind it, its raw value and score
/// (null when its denominator was 0), and the weight it carried inside its dimension (0 without a score).
/// </summary>
public sealed record IndicatorExplanation(
    string Id,
    string Name,
    double? Value,
    double? Score,
    double Weight,
    double Numerator,
    double Denominator);
