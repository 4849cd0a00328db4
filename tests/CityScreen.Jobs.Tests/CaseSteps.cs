using CityScreen.Contracts.Events;

namespace CityScreen.Jobs.Tests;

/// <summary>Builds the steps of one case in one grid.</summary>
internal sealed class CaseSteps(string caseId, string gridId)
{
    private int _n;

    public string CaseId => caseId;

    public CityEvent Reported(DateTimeOffset at, string kind = "event", string category = "市容环境") =>
        Step(EventTypes.CaseReported, at) with { Kind = kind, Level = "normal", Category = category, Title = "垃圾堆积" };

    public CityEvent Filed(DateTimeOffset at, DateTimeOffset due) => Step(EventTypes.CaseFiled, at) with { DueAt = due };
    public CityEvent Rejected(DateTimeOffset at) => Step(EventTypes.CaseRejected, at) with { Reason = "重复上报" };
    public CityEvent Dispatched(DateTimeOffset at, bool whistle = false) => Step(EventTypes.CaseDispatched, at) with { Department = "城管执法局", Whistle = whistle };
    public CityEvent Responded(DateTimeOffset at, string? memberId = null) =>
        Step(EventTypes.CaseResponded, at) with { Department = memberId is null ? "城管执法局" : null, MemberId = memberId };
    public CityEvent Resolved(DateTimeOffset at) => Step(EventTypes.CaseResolved, at);
    public CityEvent Reopened(DateTimeOffset at) => Step(EventTypes.CaseReopened, at) with { Reason = "核查未通过" };
    public CityEvent Closed(DateTimeOffset at) => Step(EventTypes.CaseClosed, at);
    public CityEvent Rated(DateTimeOffset at, int score) => Step(EventTypes.CaseRated, at) with { Score = score };

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
