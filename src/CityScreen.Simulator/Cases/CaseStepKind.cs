using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Cases;

internal enum CaseStepKind : byte
{
    Reported,
    Filed,
    Rejected,
    Dispatched,
    Responded,
    Resolved,
    Reopened,
    Closed,
    Rated,
}

internal static class CaseStepKinds
{
    public static string EventType(this CaseStepKind step) => step switch
    {
        CaseStepKind.Reported => EventTypes.CaseReported,
        CaseStepKind.Filed => EventTypes.CaseFiled,
        CaseStepKind.Rejected => EventTypes.CaseRejected,
        CaseStepKind.Dispatched => EventTypes.CaseDispatched,
        CaseStepKind.Responded => EventTypes.CaseResponded,
        CaseStepKind.Resolved => EventTypes.CaseResolved,
        CaseStepKind.Reopened => EventTypes.CaseReopened,
        CaseStepKind.Closed => EventTypes.CaseClosed,
        CaseStepKind.Rated => EventTypes.CaseRated,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };
}
