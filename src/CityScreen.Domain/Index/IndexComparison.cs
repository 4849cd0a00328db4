namespace CityScreen.Domain.Index;

/// <summary>
/// Why an index moved between two nights, in points of the index. With v = Σ_d W_d S_d and
/// S_d = Σ_i w_i s_i, a dimension contributes W_d S_d − W'_d S'_d and a sub-indicator
/// W_d w_i s_i − W'_d w'_i s'_i (primes: the night before; a part without a score contributes 0).
/// These add up exactly: the sub-indicators of a dimension to its change, the dimensions to the
/// value's change — weights that changed between the nights included.
/// </summary>
public static class IndexComparison
{
    public static IndexMovement Of(IndexExplanation current, IndexExplanation? previous)
    {
        var dimensions = current.Dimensions.Select(d =>
        {
            var before = previous?.Dimensions.FirstOrDefault(p => p.Id == d.Id);
            var indicators = d.Indicators.Select(i =>
            {
                var was = before?.Indicators.FirstOrDefault(p => p.Id == i.Id);
                return new IndicatorMovement(
                    i.Id,
                    Points(d.Weight, i.Weight, i.Score) - Points(before?.Weight ?? 0, was?.Weight ?? 0, was?.Score),
                    was?.Value, was?.Score, was?.Numerator, was?.Denominator);
            }).ToArray();
            return new DimensionMovement(
                d.Id,
                d.Weight * (d.Score ?? 0) - (before?.Weight ?? 0) * (before?.Score ?? 0),
                before?.Score, before?.Weight, indicators);
        }).ToArray();
        var change = current.Value is { } v && previous?.Value is { } p ? v - p : (double?)null;
        return new IndexMovement(previous?.Value, change, dimensions);
    }

    private static double Points(double dimensionWeight, double indicatorWeight, double? score) =>
        score is { } s ? dimensionWeight * indicatorWeight * s : 0;
}
