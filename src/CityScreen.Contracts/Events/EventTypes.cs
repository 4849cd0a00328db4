namespace CityScreen.Contracts.Events;

/// <summary>The event vocabulary of docs/domain.md §2, as it appears in the <c>type</c> field.</summary>
public static class EventTypes
{
    public const string CaseReported = "case.reported";
    public const string CaseFiled = "case.filed";
    public const string CaseRejected = "case.rejected";
    public const string CaseDispatched = "case.dispatched";
    public const string CaseResponded = "case.responded";
    public const string CaseResolved = "case.resolved";
    public const string CaseReopened = "case.reopened";
    public const string CaseClosed = "case.closed";
    public const string CaseRated = "case.rated";

    // 吹哨报到 and the workflow steps upstream platforms run (docs/domain.md §2).
    public const string CaseWhistled = "case.whistled";
    public const string CaseExtended = "case.extended";
    public const string CaseSuspended = "case.suspended";
    public const string CaseResumed = "case.resumed";
    public const string CaseReturned = "case.returned";
    public const string CaseReassigned = "case.reassigned";
    public const string DepartmentRated = "department.rated";

    public const string MemberCheckin = "member.checkin";
    public const string VolunteerLogged = "volunteer.logged";
    public const string ProjectClaimed = "project.claimed";
    public const string ProjectCompleted = "project.completed";
    public const string PointsAwarded = "points.awarded";
    public const string MeetingHeld = "meeting.held";

    // 共驻共建 (docs/domain.md §9): the registries and the three lists, durable and replayable like cases.
    public const string UnitRegistered = "unit.registered";
    public const string MemberRegistered = "member.registered";
    public const string NeedListed = "need.listed";
    public const string ResourceListed = "resource.listed";
    public const string ProjectPublished = "project.published";
    public const string ProjectRated = "project.rated";
    public const string SiteServed = "site.served";
    public const string PointsRedeemed = "points.redeemed";

    public static readonly IReadOnlyList<string> CaseSteps =
    [
        CaseReported, CaseFiled, CaseRejected, CaseDispatched, CaseResponded,
        CaseResolved, CaseReopened, CaseClosed, CaseRated,
        CaseWhistled, CaseExtended, CaseSuspended, CaseResumed, CaseReturned, CaseReassigned,
    ];

    /// <summary>Events about departments rather than a case: a street rating a department (街道评价部门).</summary>
    public static readonly IReadOnlyList<string> DepartmentSteps = [DepartmentRated];

    public static readonly IReadOnlyList<string> Activities =
    [
        MemberCheckin, VolunteerLogged, ProjectClaimed, ProjectCompleted, PointsAwarded, MeetingHeld,
        UnitRegistered, MemberRegistered, NeedListed, ResourceListed, ProjectPublished, ProjectRated, SiteServed, PointsRedeemed,
    ];

    public static readonly IReadOnlySet<string> All = new HashSet<string>(CaseSteps.Concat(Activities).Concat(DepartmentSteps));

    public static bool IsCaseStep(string type) => type.StartsWith("case.", StringComparison.Ordinal);
}
