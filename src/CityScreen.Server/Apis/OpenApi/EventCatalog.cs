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

    private static EventField[] Points(string verb) =>
    [
        new("personId", Text, false, $"Who {verb} the points (爱心积分); or unitId.") { InExample = true },
        new("unitId", Text, false, $"The unit that {verb} them; or personId."),
        new("name", Text, false, "The person's name as the points system knows it; kept on the server, shown masked (张*).") { MaxLength = EventParser.MaxPersonNameLength },
        new("points", Integer, true, "1 to 10000.") { Minimum = 1, Maximum = 10_000 },
        new("reason", Text, false, "What for.") { MaxLength = EventParser.MaxTextLength },
    ];

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
            new("projectId", Text, true, "The project (项目) claimed; listed in the same community."),
            new("unitId", Text, true, "The registered unit (驻区单位) claiming it."),
        ],
        [EventTypes.ProjectCompleted] =
        [
            new("projectId", Text, true, "The project completed."),
            new("unitId", Text, false, "The unit that completed it, when not the claimant."),
        ],
        [EventTypes.ProjectRated] =
        [
            new("projectId", Text, true, "The project the residents rate."),
            new("score", Integer, true, "1 to 5.") { Minimum = 1, Maximum = 5 },
        ],
        [EventTypes.PointsAwarded] = Points("receives"),
        [EventTypes.PointsRedeemed] = Points("spends"),
        [EventTypes.MeetingHeld] =
        [
            new("orgId", Text, true, "The party organisation holding it."),
            new("kind", Text, true, $"'{CoBuildingVocabulary.JointMeeting}' (联席会议), '{CoBuildingVocabulary.BranchMeeting}' (三会一课) or '{CoBuildingVocabulary.Consultation}' (议事协商).") { MaxLength = 64 },
            new("attendeeUnits", Ids, false, "The registered units attending a joint meeting.") { MaxLength = CoBuildingVocabulary.MaxListedIds },
            new("concluded", YesNo, false, "A consultation reached its conclusion."),
        ],
        [EventTypes.UnitRegistered] =
        [
            new("unitId", Text, true, "The resident unit (驻区单位) registering with the community."),
            new("name", Text, true, "Its name.") { MaxLength = EventParser.MaxTextLength },
            new("kind", Choice, true, "The kind of unit.") { Allowed = CoBuildingVocabulary.UnitKinds },
            new("agreementSignedAt", Time, false, "When it signed the co-building agreement (共建协议)."),
            new("partyMembers", Integer, false, "Its party members.") { Minimum = 0, Maximum = 100_000 },
        ],
        [EventTypes.MemberRegistered] =
        [
            new("memberId", Text, true, "The employed party member (在职党员) reporting to the community where they live."),
            new("unitId", Text, true, "The unit they work in."),
            new("name", Text, false, "Their name; kept on the server, shown masked (张*) on the 爱心积分 board.") { MaxLength = EventParser.MaxPersonNameLength },
            new("post", Text, false, "The post (岗位) they take.") { MaxLength = EventParser.MaxTextLength },
        ],
        [EventTypes.NeedListed] =
        [
            new("needId", Text, true, "The need (需求清单)."),
            new("category", Choice, true, "Its category.") { Allowed = CoBuildingVocabulary.Categories },
            new("title", Text, true, "In words.") { MaxLength = EventParser.MaxTextLength },
            new("origin", Choice, true, "How it was gathered.") { Allowed = CoBuildingVocabulary.NeedOrigins },
        ],
        [EventTypes.ResourceListed] =
        [
            new("resourceId", Text, true, "The resource (资源清单)."),
            new("unitId", Text, true, "The registered unit offering it."),
            new("category", Choice, true, "Its category.") { Allowed = CoBuildingVocabulary.Categories },
            new("title", Text, true, "In words.") { MaxLength = EventParser.MaxTextLength },
        ],
        [EventTypes.ProjectPublished] =
        [
            new("projectId", Text, true, "The project (项目清单)."),
            new("title", Text, true, "In words.") { MaxLength = EventParser.MaxTextLength },
            new("needIds", Ids, true, "The needs it answers (may be empty).") { MaxLength = CoBuildingVocabulary.MaxListedIds },
            new("resourceIds", Ids, true, "The resources it uses (may be empty).") { MaxLength = CoBuildingVocabulary.MaxListedIds },
        ],
        [EventTypes.SiteServed] =
        [
            new("siteId", Text, true, "A service site (党群服务中心, 红色驿站, 帮办站) of seed-data/service-sites.json."),
            new("people", Integer, true, "People served.") { Minimum = 1, Maximum = 10_000 },
        ],
    };

    /// <summary>The schema name of a type: <c>case.reported</c> → <c>CaseReportedEvent</c>.</summary>
    public static string SchemaName(string type) =>
        string.Concat(type.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..])) + "Event";
}
