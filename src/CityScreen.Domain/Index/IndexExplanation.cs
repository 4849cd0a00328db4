namespace CityScreen.Domain.Index;

/// <summary>
/// The development index of one area on one day and everything it is made of:
/// Value = Σ dimension weight × dimension score. The weights are the ones actually used, after
/// renormalising over what had a value, so the sums hold as printed. Value is null only when no
/// sub-indicator had a value at all.
/// </summary>
public sealed record IndexExplanation(
    string AreaId,
    DateOnly Date,
    double? Value,
    string ModelVersion,
    IReadOnlyList<DimensionExplanation> Dimensions);
