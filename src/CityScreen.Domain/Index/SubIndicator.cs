namespace CityScreen.Domain.Index;

/// <summary>
/// One sub-indicator of a dimension: value = <see cref="Per"/> × numerator / denominator of pooled
/// inputs, scored against <see cref="Target"/> (worth 100) and <see cref="Floor"/> (worth 0).
/// Where lower is better the floor lies above the target.
/// </summary>
public sealed record SubIndicator(
    string Id,
    string Name,
    string Numerator,
    string Denominator,
    double Per,
    string Unit,
    double Target,
    double Floor,
    bool LowerIsBetter)
{
    /// <summary>The raw value, or null when there is nothing to divide by.</summary>
    public double? ValueOf(IReadOnlyDictionary<string, double> inputs)
    {
        var denominator = inputs.GetValueOrDefault(Denominator);
        return denominator == 0 ? null : Per * inputs.GetValueOrDefault(Numerator) / denominator;
    }

    public double? ScoreOf(double? value) => value is { } x ? TargetScore.Of(x, Floor, Target) : null;
}
