namespace CityScreen.Contracts.Indicators;

/// <summary>
/// The additive counters each department carries within an area (<see cref="IndicatorValues.Departments"/>),
/// all over the rolling 30 days. Like <see cref="Counter"/>, a parent's are the sum of its children's.
/// </summary>
public enum DepartmentCounter
{
    /// <summary>Whistles summoning it, by the instant they were blown (DP01 被吹哨次数).</summary>
    Summoned30,
    /// <summary>Of those, the summonses decided: it arrived, or the whistle's limit ran out (DP02's denominator).</summary>
    SummonsDecided30,
    /// <summary>Arrivals (报到) on those whistles.</summary>
    Arrived30,
    /// <summary>Arrivals within the whistle's limit, timed from the whistle (DP02 按时报到率).</summary>
    ArrivedOnTime30,
    /// <summary>Seconds from whistle to arrival, summed over <see cref="Arrived30"/> (DP03 平均报到时长).</summary>
    ArriveSeconds30,
    /// <summary>Cases it handled (dispatched, reassigned, summoned or resolving) that fell due for closing (DP04/DP05's denominator).</summary>
    Handled30,
    /// <summary>Of those, closed (DP04 办结率).</summary>
    Resolved30,
    /// <summary>Of those, closed on time (DP05 按期办结率).</summary>
    ResolvedOnTime30,
    /// <summary>Ratings of the cases it handled (DP06's denominator).</summary>
    Ratings30,
    /// <summary>Of those, satisfied (DP06 满意率).</summary>
    Satisfied30,
    /// <summary>The streets' scores (1–5) of it, summed (DP07 街道评价均分).</summary>
    StreetScoreSum30,
    /// <summary>The streets' ratings of it.</summary>
    StreetScores30,
}
