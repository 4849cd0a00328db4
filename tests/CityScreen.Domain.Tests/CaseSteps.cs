using CityScreen.Contracts.Events;

namespace CityScreen.Domain.Tests;

/// <summary>Builds the steps of one case for tests, with times in Asia/Shanghai (+08:00).</summary>
internal sealed class CaseSteps(string caseId, string gridId = "g1")
{
    private int _n;

    public static DateTimeOffset Local(int day, int hour, int minute = 0) =>
        new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8));

    public CityEvent Reported(DateTimeOffset at, string kind = "event", string level = "normal", string category = "市容环境") =>
        Step(EventTypes.CaseReported, at) with { Kind = kind, Level = level, Category = category, Title = "垃圾堆积" };

    public CityEvent Filed(DateTimeOffset at, DateTimeOffset due) => Step(EventTypes.CaseFiled, at) with { DueAt = due };
    public CityEvent Rejected(DateTimeOffset at) => Step(EventTypes.CaseRejected, at) with { Reason = "重复上报" };
    public CityEvent Dispatched(DateTimeOffset at, bool whistle = false) => Step(EventTypes.CaseDispatched, at) with { Department = "城管执法局", Whistle = whistle };
    public CityEvent Responded(DateTimeOffset at) => Step(EventTypes.CaseResponded, at) with { Department = "城管执法局" };
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
