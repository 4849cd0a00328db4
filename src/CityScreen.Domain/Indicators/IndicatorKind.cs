namespace CityScreen.Domain.Indicators;

public enum IndicatorKind
{
    /// <summary>A count or sum: the value is one counter.</summary>
    Count,
    /// <summary>A rate in 0..1: numerator / denominator.</summary>
    Rate,
    /// <summary>A mean: a sum divided by a count, then scaled to the unit.</summary>
    Mean,
}
