using CityScreen.Contracts.Events;

namespace CityScreen.Contracts.Indicators;

/// <summary>
/// An alarm for the wall: a major/critical case reported (<see cref="AlertReason.Reported"/>) or a
/// case turning red (<see cref="AlertReason.Overdue"/>), or a whistle blown on a case
/// (<see cref="AlertReason.Whistled"/>). <see cref="AreaId"/> is the grid.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CaseAlert(
    [property: Id(0)] string AreaId,
    [property: Id(1)] string CaseId,
    [property: Id(2)] CaseLevel Level,
    [property: Id(3)] string Category,
    [property: Id(4)] string Title,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] AlertReason Reason,
    [property: Id(7)] double[]? Location);
