namespace CityScreen.Domain.Index;

/// <summary>
/// One sub-indicator of a dimension: value = <see cref="Per"/> × numerator / denominator of pooled
/// inputs, scored against <see cref="Target"/> (worth 100) and <see cref="Floor"/> (worth 0).
/// Where lower is better the floor lies above the target. <see cref="Credibility"/> is the k of the
/// credibility weight z = n / (n + k) that shrinks a rate measured on few cases toward its parent's
/// (0: the value is a fact, not a sample, and is never shrunk).
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
    bool LowerIsBetter,
    double Credibility = 0)
{
    /// <summary>The raw value, or null when there is nothing to divide by.</summary>
    public double? ValueOf(IReadOnlyDictionary<string, double> inputs)
    {
        var denominator = inputs.GetValueOrDefault(Denominator);
        return denominator == 0 ? null : Per * inputs.GetValueOrDefault(Numerator) / denominator;
    }

    /// <summary>z = n / (n + k) for a denominator n: how far a value of this many cases is believed.</summary>
    public double CredibilityOf(double denominator) =>
        Credibility <= 0 || denominator <= 0 ? 1 : denominator / (denominator + Credibility);

    /// <summary>
    /// The value shrunk toward the parent's pooled value: z·x + (1 − z)·x_parent. Without a parent
    /// value (the root, or a parent with no denominator either) the raw value stands.
    /// </summary>
    public double? ShrunkValueOf(IReadOnlyDictionary<string, double> inputs, IReadOnlyDictionary<string, double>? parent)
    {
        if (ValueOf(inputs) is not { } x) return null;
        if (parent is null || ValueOf(parent) is not { } prior) return x;
        var z = CredibilityOf(inputs.GetValueOrDefault(Denominator));
        return z * x + (1 - z) * prior;
    }

    /// <summary>
    /// Whether an area's value rests on enough cases to teach the entropy weights anything: its
    /// denominator is at least k (z ≥ ½). One whistle scored 100 or 0 is noise, not a difference.
    /// </summary>
    public bool Informs(IReadOnlyDictionary<string, double> inputs)
    {
        var n = inputs.GetValueOrDefault(Denominator);
        return n > 0 && n >= Credibility;
    }

    public double? ScoreOf(double? value) => value is { } x ? TargetScore.Of(x, Floor, Target) : null;
}
