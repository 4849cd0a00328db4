using CityScreen.Contracts.Indicators;

namespace CityScreen.Domain.Indicators;

/// <summary>One row of the indicator catalogue (docs/domain.md §3).</summary>
public sealed record IndicatorDefinition(
    string Id,
    string Name,
    IndicatorKind Kind,
    Counter Numerator,
    Counter? Denominator,
    bool LowerIsBetter,
    string Unit,
    double Scale = 1)
{
    /// <summary>
    /// A volume of demand (today's reports, 12345 calls): more is neither better nor worse by itself,
    /// so a change in it is shown uncoloured. Every other indicator is better higher, or lower when
    /// <see cref="LowerIsBetter"/>.
    /// </summary>
    public bool IsVolume { get; init; }

    /// <summary>The value, or null when a rate or mean has nothing to divide by.</summary>
    public double? ValueOf(IndicatorValues v)
    {
        var numerator = v[Numerator] * Scale;
        if (Denominator is not { } d) return numerator;
        var denominator = v[d];
        return denominator == 0 ? null : numerator / denominator;
    }
}
