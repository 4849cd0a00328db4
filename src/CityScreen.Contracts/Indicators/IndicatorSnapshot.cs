namespace CityScreen.Contracts.Indicators;

/// <summary>
/// What an area grain publishes: its values, a version that grows with every change, and when.
/// <see cref="Complete"/> is false while an area above the grids has not yet heard from every
/// child (just after a start), so nobody mistakes a partial sum for the total.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorSnapshot(
    [property: Id(0)] string AreaId,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] IndicatorValues Values)
{
    [Id(4)] public bool Complete { get; init; } = true;
}
