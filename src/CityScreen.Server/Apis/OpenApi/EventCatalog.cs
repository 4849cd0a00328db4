using CityScreen.Contracts.Events;
using CityScreen.Domain.Ingest;
using static CityScreen.Server.Apis.OpenApi.EventFieldKind;

namespace CityScreen.Server.Apis.OpenApi;

/// <summary>
/// The fields of every event type beside the common ones, as the ingest parser
/// (src/CityScreen.Domain/Ingest/EventParser.cs) reads them: what the OpenAPI document publishes as
/// one schema per type. <c>OpenApiFacts</c> checks that every type of <see cref="EventTypes.All"/> is here.
/// </summary>
public static class EventCatalog
{
    public static readonly IReadOnlyList<EventField> Common =
    [
        new("id", Text, true, "The idempotency key: a resend of the same id is stored once and answered as a duplicate.") { MaxLength = EventParser.MaxIdLength },
        new("type", Text, true, "The event type; selects the schema of the other fields."),
        new("occurredAt", Time, true, "When it happened upstream, ISO-8601 with an offset (2026-11-22T09:30:00+08:00)."),
        new("source", Text, true, "The upstream system that sent it.") { MaxLength = 64 },
        new("gridId", Text, false, "The grid (网格) it happened in; required for case steps. Give gridId or communityId, not both.") { MaxLength = EventParser.MaxIdLength },
        new("communityId", Text, false, "For an activity of a whole community (社区) instead of one grid.") { MaxLength = EventParser.MaxIdLength },
    ];

    private static EventField CaseId => new("caseId", Text, true, "The case (案件) this step belongs to; every step of a case names the same grid.") { MaxLength = EventParser.MaxIdLength };

    private static EventField Reason => new("reason", Text, true, "Why, in words.") { MaxLength = EventParser.MaxTextLength };

    private static EventField Department(bool required) => new("department", Text, required, "A department id of seed-data/departments.json.");

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<EventField>> Fields = new Dictionary<string, IReadOnlyList<EventField>>
    {
        [EventTypes.CaseReported] =
        [
            CaseId,
            new("kind", Choice, true, "How it came in.") { Allowed = CaseVocabulary.Kinds },
            new("category", Choice, true, "The case category.") { Allowed = CaseVocabulary.Categories },
            new("level", Choice, true, "major and critical cases raise an alert on the walls.") { Allowed = CaseVocabulary.Levels },
            new("title", Text, true, "A short title shown on the walls.") { MaxLength = EventParser.MaxTextLength },
            new("location", Location, false, "[longitude, latitude] (WGS-84).") { InExample = true },
        ],
        [EventTypes.CaseFiled] =
        [
            CaseId,
            new("dueAt", Time, false, "When it must be closed; or give limitHours and limitKind instead.") { InExample = true },
            new("limitHours", Number, false, "The time limit in hours, with limitKind.") { Minimum = 0, Maximum = EventParser.MaxLimitHours },
            new("limitKind", Choice, false, "natural hours, or working hours of the holiday calendar.") { Allowed = [EventParser.NaturalHours, EventParser.WorkingHours] },
        ],
        [EventTypes.CaseRejected] = [CaseId, Reason],
        [EventTypes.CaseDispatched] =
        [
            CaseId,
            new("department", Text, true, "The department it is sent to: a department id, or free text as upstream names it."),
            new("whistle", YesNo, false, "Dispatched by a whistle (吹哨)."),
        ],
        [EventTypes.CaseResponded] =
        [
            CaseId,
            new("department", Text, false, "The responding department (its arrival, 报到, when summoned by a whistle); or memberId.") { InExample = true },
            new("memberId", Text, false, "The responding person, when no department is named."),
        ],
        [EventTypes.CaseResolved] = [CaseId, Department(false)],
        [EventTypes.CaseReopened] = [CaseId, Reason],
        [EventTypes.CaseClosed] = [CaseId],
        [EventTypes.CaseRated] =
        [
            CaseId,
            new("score", Integer, true, "The reporter's satisfaction, 1 to 5.") { Minimum = 1, Maximum = 5 },
            new("resolved", YesNo, false, "Whether the reporter considers it solved."),
        ],
        [EventTypes.CaseWhistled] =
        [
            CaseId,
            new("by", Text, true, "The street or community that blows the whistle; the case's grid lies in it."),
            new("departments", DepartmentIds, true, "The department ids summoned.") { MaxLength = EventParser.MaxSummoned },
            Reason,
            new("respondWithinMinutes", Integer, false, "How soon they must report (default 30).") { Minimum = 1, Maximum = EventParser.MaxRespondWithinMinutes },
        ],
        [EventTypes.CaseExtended] = [CaseId, new("dueAt", Time, true, "The new due time, after occurredAt."), Reason],
        [EventTypes.CaseSuspended] = [CaseId, Reason],
        [EventTypes.CaseResumed] = [CaseId, Reason],
        [EventTypes.CaseReturned] = [CaseId, Department(true), Reason],
        [EventTypes.CaseReassigned] = [CaseId, Department(true)],
        [EventTypes.DepartmentRated] =
        [
            Department(true),
            new("by", Text, true, "The street that rates it; the event's grid or community lies in it."),
            new("score", Integer, true, "1 to 5.") { Minimum = 1, Maximum = 5 },
            new("period", Text, false, "A quarter (2026-Q4) or a month (2026-11); or caseId.") { InExample = true },
            new("caseId", Text, false, "The case rated; or period."),
        ],
        [EventTypes.MemberCheckin] =
        [
            new("memberId", Text, true, "The party member (党员) checking in."),
            new("unitId", Text, true, "The unit they report to."),
        ],
        [EventTypes.VolunteerLogged] =
        [
            new("memberId", Text, false, "The volunteer; or teamId.") { InExample = true },
            new("teamId", Text, false, "The volunteer team; or memberId."),
            new("hours", Number, true, "Hours served, more than 0 and at most 24.") { Minimum = 0, Maximum = 24 },
        ],
        [EventTypes.ProjectClaimed] =
        [
            new("projectId", Text, true, "The project (项目) claimed."),
            new("unitId", Text, true, "The unit claiming it."),
        ],
        [EventTypes.ProjectCompleted] = [new("projectId", Text, true, "The project completed.")],
        [EventTypes.PointsAwarded] =
        [
            new("personId", Text, true, "Who receives the points (爱心积分)."),
            new("points", Integer, true, "1 to 10000.") { Minimum = 1, Maximum = 10_000 },
        ],
        [EventTypes.MeetingHeld] =
        [
            new("orgId", Text, true, "The party organisation holding it."),
            new("kind", Text, true, "The kind of meeting (e.g. 三会一课).") { MaxLength = 64 },
        ],
    };

    /// <summary>The schema name of a type: <c>case.reported</c> → <c>CaseReportedEvent</c>.</summary>
    public static string SchemaName(string type) =>
        string.Concat(type.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..])) + "Event";
}
