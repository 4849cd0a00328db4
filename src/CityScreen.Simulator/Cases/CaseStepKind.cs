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
    Whistled,
    Returned,
    Reassigned,
    Extended,
    Suspended,
    Resumed,
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
        CaseStepKind.Whistled => EventTypes.CaseWhistled,
        CaseStepKind.Returned => EventTypes.CaseReturned,
        CaseStepKind.Reassigned => EventTypes.CaseReassigned,
        CaseStepKind.Extended => EventTypes.CaseExtended,
        CaseStepKind.Suspended => EventTypes.CaseSuspended,
        CaseStepKind.Resumed => EventTypes.CaseResumed,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };
}
