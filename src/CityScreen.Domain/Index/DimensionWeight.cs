namespace CityScreen.Domain.Index;

/// <summary>
/// The weight of one dimension and the two halves it came from. <see cref="Entropy"/> is null
/// when there was no month to learn from and the weight is the prior alone.
/// </summary>
public sealed record DimensionWeight(string Id, double Prior, double? Entropy, double Weight);
