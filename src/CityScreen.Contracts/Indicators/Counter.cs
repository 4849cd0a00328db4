namespace CityScreen.Contracts.Indicators;

/// <summary>
/// The additive counters every area carries. Every indicator of docs/domain.md §3 is one of these or a
/// ratio of two of them, so a parent is exactly the sum of its children (rates roll up as
/// numerator and denominator, never as averages).
/// </summary>
public enum Counter
{
    ReportedToday,
    HotlineToday,
    Open,
    Red,
    Yellow,

    Reported30,
    Filed30,
    DueResolve30,
    ResolvedOnTime30,
    DueClose30,
    Closed30,
    ClosedOnTime30,
    Reopened30,
    ResponseSeconds30,
    Responses30,
    CloseSeconds30,
    Closures30,
    Whistles30,
    WhistlesOnTime30,
    HotlineDue30,
    HotlineOnTime30,
    Ratings30,
    Satisfied30,
    OrdersPlaced30,
    OrdersResponded30,

    MembersServing30,
    MembersExpected,
    CheckinsToday,
    GridsWithBranch,
    Grids,
    /// <summary>Volunteer hours × 100, so the sum stays an exact integer.</summary>
    VolunteerCentiHours30,
    ProjectsClaimedYear,
    ProjectsCompletedYear,
    Points30,
    Meetings30,

    Population,
    Households,
}
