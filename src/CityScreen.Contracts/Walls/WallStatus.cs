namespace CityScreen.Contracts.Walls;

/// <summary>
/// One wall as the fleet sees it: its last report, when it was last heard from, whether it is online
/// (heard within the silence limit and not closed), and how many times it connected again in the last day.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WallStatus(
    [property: Id(0)] WallReport Last,
    [property: Id(1)] DateTimeOffset LastSeen,
    [property: Id(2)] bool Online,
    [property: Id(3)] int ReconnectsLastDay);
