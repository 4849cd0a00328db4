namespace CityScreen.Domain.Index;

/// <summary>
/// One sub-indicator of one area on one day: the pooled counts behind it, its value and score
/// (null when its denominator was 0), and the weight it carried inside its dimension (0 without a
/// score). <see cref="Value"/> is the value scored — shrunk toward the parent's pooled value when
/// the denominator is small; <see cref="RawValue"/> is numerator / denominator as counted and
/// <see cref="Credibility"/> the z that mixed them (1: not shrunk). Both are null in explanations
/// stored before model 2026.2, which did not shrink.
/// </summary>
public sealed record IndicatorExplanation(
    string Id,
    string Name,
    double? Value,
    double? Score,
    double Weight,
    double Numerator,
    double Denominator,
    double? RawValue = null,
    double? Credibility = null);
