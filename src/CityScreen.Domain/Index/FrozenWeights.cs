namespace CityScreen.Domain.Index;

/// <summary>
/// The weights used for every night of one month at one level (grid, community, …), learnt from
/// the last full month before it and then kept, so an index does not move because the weights
/// did. <see cref="Month"/> is the first day of the month they apply to; <see cref="Indicators"/>
/// holds each sub-indicator's weight inside its dimension (each dimension's weights sum to 1).
/// </summary>
public sealed record FrozenWeights(
    string ModelVersion,
    DateOnly Month,
    string Level,
    IReadOnlyList<DimensionWeight> Dimensions,
    IReadOnlyDictionary<string, double> Indicators);
