namespace CityScreen.Domain.Index;

/// <summary>The principal eigenvector of a pairwise matrix and Saaty's consistency measures.</summary>
public sealed record AhpResult(
    IReadOnlyList<double> Priorities,
    double LambdaMax,
    double ConsistencyIndex,
    double ConsistencyRatio)
{
    /// <summary>Saaty's acceptance threshold: judgments with CR ≥ 0.1 should be revised, not used.</summary>
    public const double MaxConsistencyRatio = 0.1;

    public bool IsConsistent => ConsistencyRatio < MaxConsistencyRatio;
}
