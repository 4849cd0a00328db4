namespace CityScreen.Domain.Rollups;

/// <summary>
/// The inputs of seed-data/index-model.json that the daily rollups produce, by the id the model
/// declares (docs/index-model.md, "Inputs"). Every input the model declares has events behind it
/// since the 共驻共建 lists arrived (needs and their matches from <c>need.listed</c> and <c>project.published</c>).
/// </summary>
public static class RollupInputs
{
    // Stocks of reference data, read at the end of the day.
    public const string Grids = "grids";
    public const string GridsWithBranch = "gridsWithBranch";
    public const string Households = "households";
    public const string MembersExpected = "membersExpected";
    // Stock of cases: 红灯 at the end of the day.
    public const string OverdueOpen = "overdueOpen";

    // Distinct members: kept as sets per day, counted once over a window.
    public const string MembersCheckedIn = "membersCheckedIn";
    public const string MembersServing = "membersServing";

    // Flows, counted on the day named in docs/index-model.md.
    public const string MeetingsHeld = "meetingsHeld";
    public const string MeetingsExpected = "meetingsExpected";
    public const string VolunteerHours = "volunteerHours";
    public const string OrdersPlaced = "ordersPlaced";
    public const string OrdersResponded = "ordersResponded";
    public const string OrdersDueClose = "ordersDueClose";
    public const string OrdersClosedOnTime = "ordersClosedOnTime";
    public const string ProjectsClaimed = "projectsClaimed";
    public const string ProjectsCompleted = "projectsCompleted";
    public const string Needs = "needs";
    public const string NeedsMatched = "needsMatched";
    public const string DueResolve = "dueResolve";
    public const string ResolvedOnTime = "resolvedOnTime";
    public const string DueClose = "dueClose";
    public const string ClosedOnTime = "closedOnTime";
    public const string Reopened = "reopened";
    public const string HotlineDue = "hotlineDue";
    public const string HotlineOnTime = "hotlineOnTime";
    public const string Whistles = "whistles";
    public const string WhistlesOnTime = "whistlesOnTime";
    public const string Ratings = "ratings";
    public const string Satisfied = "satisfied";
    public const string Complaints = "complaints";
    public const string RepeatComplaints = "repeatComplaints";

    /// <summary>The inputs kept as member sets rather than counts.</summary>
    public static readonly IReadOnlyList<string> MemberSets = [MembersCheckedIn, MembersServing];

    /// <summary>
    /// Not a model input: the cases still open at the end of the day that were filed before the
    /// events the next computation reads, so that a case overdue for weeks keeps counting.
    /// </summary>
    public const string LongOpenCases = "longOpenCases";

    /// <summary>
    /// Not a model input: the leaf's registered roster (在职党员报到登记) at the end of the day, carried
    /// from day to day like <see cref="LongOpenCases"/> since registrations are older than the events
    /// a computation reads; where it is not empty, its size is the day's <see cref="MembersExpected"/>
    /// (PM01 over the roster, as the live indicator counts it).
    /// </summary>
    public const string MembersRegistered = "membersRegistered";

    /// <summary>
    /// Not model inputs: the cases reported and closed on the day, as the live ledger buckets them,
    /// so that the wall's 30-day trends read the days before the events in memory from the rollups.
    /// </summary>
    public const string CasesReported = "casesReported";
    public const string CasesClosed = "casesClosed";

    /// <summary>Every model input the rollups fill.</summary>
    public static readonly IReadOnlyList<string> Produced =
    [
        Grids, GridsWithBranch, Households, MembersExpected, OverdueOpen,
        MembersCheckedIn, MembersServing,
        MeetingsHeld, MeetingsExpected, VolunteerHours, OrdersPlaced, OrdersResponded, OrdersDueClose,
        OrdersClosedOnTime, ProjectsClaimed, ProjectsCompleted, Needs, NeedsMatched, DueResolve, ResolvedOnTime, DueClose,
        ClosedOnTime, Reopened, HotlineDue, HotlineOnTime, Whistles, WhistlesOnTime, Ratings, Satisfied,
        Complaints, RepeatComplaints,
    ];
}
