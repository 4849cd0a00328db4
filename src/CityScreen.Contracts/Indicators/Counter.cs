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

    // The upstream workflow (延期, 挂账, 回退, 改派) and 12345's 三率; appended so stored positions keep their meaning.
    /// <summary>Cases falling due for closing in 30 days whose limit an extension moved (EV12, over <see cref="DueClose30"/>).</summary>
    Extended30,
    /// <summary>Open cases suspended now (EV13 挂账数).</summary>
    Suspended,
    /// <summary>Dispatches and reassignments of the cases first dispatched in 30 days (EV14's denominator).</summary>
    Dispatches30,
    /// <summary>Those dispatches not returned (回退): dispatches − returns per case (EV14's numerator).</summary>
    DispatchesKept30,
    /// <summary>12345 cases reported in 30 days whose response is decided (HL03's denominator).</summary>
    HotlineReceived30,
    /// <summary>Of those, responded within the hotline's response limit (HL03).</summary>
    HotlineAnswered30,
    /// <summary>12345 ratings in 30 days carrying the callback's answer (HL04's denominator).</summary>
    HotlineCallbacks30,
    /// <summary>Of those, the resident said it is solved (HL04).</summary>
    HotlineSolved30,
    /// <summary>12345 ratings in 30 days (HL05's denominator).</summary>
    HotlineRatings30,
    HotlineSatisfied30,

    // 共驻共建 (docs/domain.md §9); appended so stored positions keep their meaning.
    /// <summary>Employed members on the roster (在职党员报到登记, PM04); PM01's denominator where a roster exists.</summary>
    MembersRegistered,
    /// <summary>Resident units registered (UN01).</summary>
    UnitsRegistered,
    /// <summary>Of those, units with a co-building agreement (UN02).</summary>
    UnitsWithAgreement,
    /// <summary>Needs listed (NR01's denominator).</summary>
    NeedsListed,
    /// <summary>Distinct needs a published project answers (NR01).</summary>
    NeedsCovered,
    /// <summary>Projects published this year (PJ02's denominator).</summary>
    ProjectsPublishedYear,
    /// <summary>Residents' ratings of projects this year (PJ03's denominator) and of those 4–5.</summary>
    ProjectRatingsYear,
    ProjectRatingsSatisfiedYear,
    /// <summary>Joint meetings (联席会议) this year; units attending them, and units registered when each was held (UN03).</summary>
    JointMeetingsYear,
    JointAttendancesYear,
    JointInvitationsYear,
    /// <summary>Consultations (议事协商) in 30 days and of those concluded (CS01).</summary>
    Consultations30,
    ConsultationsConcluded30,
    /// <summary>People served at service sites in 30 days (ST01).</summary>
    SitePeople30,
    /// <summary>Love points redeemed in 30 days (LP02).</summary>
    PointsRedeemed30,
    /// <summary>Resources offered (资源清单), the funnel's second list on the wall.</summary>
    ResourcesListed,
}
