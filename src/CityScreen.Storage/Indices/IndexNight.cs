namespace CityScreen.Storage.Indices;

/// <summary>
/// A date whose indices have been computed under a model version, and how many times: the nightly
/// job computes each night once, and again only when late events or a manual recompute change it.
/// </summary>
public sealed record IndexNight(DateOnly Date, string ModelVersion, int Computations, DateTimeOffset ComputedAt);
