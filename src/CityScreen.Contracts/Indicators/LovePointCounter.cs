namespace CityScreen.Contracts.Indicators;

/// <summary>
/// The counters each contributor of 爱心积分 carries within an area (<see cref="IndicatorValues.LovePoints"/>):
/// points awarded to them and points they redeemed in 30 days. The board ranks by points awarded,
/// what a person gave lately, not by a balance that saving up would raise.
/// </summary>
public enum LovePointCounter
{
    Awarded30,
    Redeemed30,
}

public static class LovePointCounters
{
    public static readonly int Count = Enum.GetValues<LovePointCounter>().Length;

    /// <summary>How many contributors an area keeps: enough for any board; a person belongs to one leaf, so the top of the sums is the top of the children's tops.</summary>
    public const int Kept = 20;
}
