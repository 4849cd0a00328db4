using CityScreen.Contracts.Events;

namespace CityScreen.Testing;

/// <summary>Builds the steps of one case in one grid for tests, with times in Asia/Shanghai (+08:00).</summary>
internal sealed class CaseSteps(string caseId, string gridId = "g1")
{
    private int _n;

    public string CaseId => caseId;

    public static DateTimeOffset Local(int day, int hour, int minute = 0) =>
        new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8));

    public CityEvent Reported(DateTimeOffset at, string kind = "event", string level = "normal", string category = "市容环境") =>
        Step(EventTypes.CaseReported, at) with { Kind = kind, Level = level, Category = category, Title = "垃圾堆积" };

    public CityEvent Filed(DateTimeOffset at, DateTimeOffset due) => Step(EventTypes.CaseFiled, at) with { DueAt = due };
    public CityEvent Rejected(DateTimeOffset at) => Step(EventTypes.CaseRejected, at) with { Reason = "重复上报" };
    public CityEvent Dispatched(DateTimeOffset at, bool whistle = false) => Step(EventTypes.CaseDispatched, at) with { Department = "城管执法局", Whistle = whistle };

    /// <summary>A department's response, or a Party member's (党员接单) when <paramref name="memberId"/> is given.</summary>
    public CityEvent Responded(DateTimeOffset at, string? memberId = null) =>
        Step(EventTypes.CaseResponded, at) with { Department = memberId is null ? "城管执法局" : null, MemberId = memberId };

    public CityEvent Resolved(DateTimeOffset at, string? department = null) => Step(EventTypes.CaseResolved, at) with { Department = department };

    /// <summary>A dispatch to a department of the departments file (its id kept in Departments, as the parser does).</summary>
    public CityEvent DispatchedTo(DateTimeOffset at, string department, bool whistle = false) =>
        Step(EventTypes.CaseDispatched, at) with { Department = department, Departments = [department], Whistle = whistle };

    /// <summary>A department's arrival (报到) or response.</summary>
    public CityEvent RespondedBy(DateTimeOffset at, string department) => Step(EventTypes.CaseResponded, at) with { Department = department };

    public CityEvent Whistled(DateTimeOffset at, string by, int minutes = 30, params string[] departments) =>
        Step(EventTypes.CaseWhistled, at) with { By = by, Departments = departments, Reason = "需多部门联合处置", RespondWithinMinutes = minutes };

    public CityEvent Extended(DateTimeOffset at, DateTimeOffset due) => Step(EventTypes.CaseExtended, at) with { DueAt = due, Reason = "需协调产权单位" };
    public CityEvent Suspended(DateTimeOffset at) => Step(EventTypes.CaseSuspended, at) with { Reason = "等待司法裁定" };
    public CityEvent Resumed(DateTimeOffset at) => Step(EventTypes.CaseResumed, at) with { Reason = "裁定已下达" };
    public CityEvent Returned(DateTimeOffset at, string department) => Step(EventTypes.CaseReturned, at) with { Department = department, Reason = "非本部门职责" };
    public CityEvent Reassigned(DateTimeOffset at, string department) => Step(EventTypes.CaseReassigned, at) with { Department = department };
    public CityEvent Reopened(DateTimeOffset at) => Step(EventTypes.CaseReopened, at) with { Reason = "核查未通过" };
    public CityEvent Closed(DateTimeOffset at) => Step(EventTypes.CaseClosed, at);
    public CityEvent Rated(DateTimeOffset at, int score, bool? resolved = null) => Step(EventTypes.CaseRated, at) with { Score = score, Resolved = resolved };

    private CityEvent Step(string type, DateTimeOffset at) => new()
    {
        Id = $"{caseId}-{++_n}-{type}",
        Type = type,
        OccurredAt = at,
        GridId = gridId,
        Source = "test",
        CaseId = caseId,
    };
}
