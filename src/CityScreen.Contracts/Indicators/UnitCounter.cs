namespace CityScreen.Contracts.Indicators;

/// <summary>
/// The additive counters each resident unit carries within an area (<see cref="IndicatorValues.Units"/>),
/// for the wall's 共建单位 ranking: projects it claimed and completed this year, the residents'
/// ratings of them and the sum of their scores (the mean rating is their ratio).
/// </summary>
public enum UnitCounter
{
    ClaimedYear,
    CompletedYear,
    RatingsYear,
    ScoreSumYear,
}

public static class UnitCounters
{
    public static readonly int Count = Enum.GetValues<UnitCounter>().Length;
}
