namespace CityScreen.Domain.Rollups;

/// <summary>
/// The choices the rollups make that are not in the index model. What a case counts for is decided
/// by <see cref="Cases.CaseRules"/>, shared with the live indicators.
/// </summary>
public sealed record RollupRules
{
    /// <summary>
    /// Days before the first day computed whose events are read in full: cases live hours to a few
    /// days, so their steps are there. Older cases still open are carried in the rollup of the day
    /// before (<see cref="RollupInputs.LongOpenCases"/>) and read by id.
    /// </summary>
    public const int CaseLookbackDays = 7;

    /// <summary>
    /// Meetings (三会一课, 主题党日) a grid Party branch is due to hold a month, spread evenly over the
    /// days of the month. The area files do not carry each organisation's schedule yet; this stands
    /// in for it.
    /// </summary>
    public double MeetingsDuePerBranchPerMonth { get; init; } = 2;

    /// <summary>
    /// Meetings the community's Party committee (社区党委) is due to hold a month, logged on the
    /// community's own ledger and expected there, not against its grids' branches.
    /// </summary>
    public double MeetingsDuePerCommitteePerMonth { get; init; } = 2;
}
