namespace CityScreen.Contracts.Indicators;

/// <summary>What an area grain publishes: its values, a version that grows with every change, and when.</summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorSnapshot(
    [property: Id(0)] string AreaId,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] IndicatorValues Values);
