namespace CityScreen.Contracts.Indicators;

/// <summary>
/// A whistle (吹哨) standing open on the wall's whistle board: blown, its case not closed, and not
/// every summoned department arrived yet. Late once <see cref="WhistledAt"/> plus
/// <see cref="LimitMinutes"/> has passed with a department still pending.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OpenWhistle(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string GridId,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset WhistledAt,
    [property: Id(4)] int LimitMinutes,
    [property: Id(5)] string[] Pending,
    [property: Id(6)] string[] Arrived)
{
    /// <summary>An area keeps the newest this many (its own and its children's).</summary>
    public const int MaxPerArea = 50;
}
