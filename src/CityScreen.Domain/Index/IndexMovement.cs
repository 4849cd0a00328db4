namespace CityScreen.Domain.Index;

/// <summary>The change of the value (null unless both nights have one) and of each dimension.</summary>
public sealed record IndexMovement(double? PreviousValue, double? Change, IReadOnlyList<DimensionMovement> Dimensions);

/// <summary>A dimension's contribution to the change in index points, and its score and weight the night before.</summary>
public sealed record DimensionMovement(string Id, double Change, double? PreviousScore, double? PreviousWeight, IReadOnlyList<IndicatorMovement> Indicators);

/// <summary>A sub-indicator's contribution in index points, and its value, score and counts the night before.</summary>
public sealed record IndicatorMovement(
    string Id, double Change, double? PreviousValue, double? PreviousScore, double? PreviousNumerator, double? PreviousDenominator);
