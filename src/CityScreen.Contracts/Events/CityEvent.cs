namespace CityScreen.Contracts.Events;

/// <summary>
/// One accepted event, as stored and as handed to grains. Flat on purpose: every type of
/// docs/domain.md §2 fits, and the fields a type does not use stay null.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CityEvent
{
    /// <summary>Position in the event store; 0 until stored.</summary>
    [Id(0)] public long Seq { get; init; }
    [Id(1)] public required string Id { get; init; }
    [Id(2)] public required string Type { get; init; }
    [Id(3)] public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>The grid where it happened; null only for an activity that names a community instead.</summary>
    [Id(4)] public string? GridId { get; init; }
    [Id(5)] public required string Source { get; init; }

    [Id(6)] public string? CaseId { get; init; }
    [Id(7)] public string? Kind { get; init; }
    [Id(8)] public string? Category { get; init; }
    [Id(9)] public string? Level { get; init; }
    [Id(10)] public string? Title { get; init; }
    [Id(11)] public double[]? Location { get; init; }
    [Id(12)] public DateTimeOffset? DueAt { get; init; }
    [Id(13)] public string? Reason { get; init; }
    [Id(14)] public string? Department { get; init; }
    [Id(15)] public bool? Whistle { get; init; }
    [Id(16)] public string? MemberId { get; init; }
    [Id(17)] public int? Score { get; init; }

    [Id(18)] public string? UnitId { get; init; }
    [Id(19)] public string? TeamId { get; init; }
    [Id(20)] public double? Hours { get; init; }
    [Id(21)] public string? ProjectId { get; init; }
    [Id(22)] public string? PersonId { get; init; }
    [Id(23)] public int? Points { get; init; }
    [Id(24)] public string? OrgId { get; init; }
    /// <summary>The kind of meeting for <c>meeting.held</c> (主题党日, 三会一课 ...).</summary>
    [Id(25)] public string? MeetingKind { get; init; }
    /// <summary>The community of a community-level activity (docs/domain.md §2, Activities).</summary>
    [Id(26)] public string? CommunityId { get; init; }

    /// <summary>Who blows the whistle (<c>case.whistled</c>: a street or community id) or rates a department (<c>department.rated</c>: a street id).</summary>
    [Id(27)] public string? By { get; init; }
    /// <summary>The departments a whistle summons (<c>case.whistled</c>), ids from the departments file.</summary>
    [Id(28)] public string[]? Departments { get; init; }
    /// <summary>Minutes each summoned department has to arrive (<c>case.whistled</c>; 30 when not given).</summary>
    [Id(29)] public int? RespondWithinMinutes { get; init; }
    /// <summary>The period a <c>department.rated</c> rates (<c>2026-Q4</c>, <c>2026-11</c>), when it rates no single case.</summary>
    [Id(30)] public string? Period { get; init; }
    /// <summary>A time limit in hours (<c>case.filed</c>), instead of <see cref="DueAt"/>; the server computes the due time.</summary>
    [Id(31)] public double? LimitHours { get; init; }
    /// <summary><c>natural</c> (自然时) or <c>working</c> (工作时, workdays 08:30–12:00 and 14:00–18:00 with the holiday calendar).</summary>
    [Id(32)] public string? LimitKind { get; init; }
    /// <summary>The callback's answer on a <c>case.rated</c> (12345 解决率): did the resident say it is solved.</summary>
    [Id(33)] public bool? Resolved { get; init; }
    /// <summary>The platform's hash of a 12345 caller, for repeat complaints (same caller, same category, 30 days).</summary>
    [Id(34)] public string? CallerId { get; init; }

    // 共驻共建 (docs/domain.md §9). A unit's kind (机关, 国企 …) travels in Kind, a meeting's in MeetingKind.
    [Id(35)] public string? NeedId { get; init; }
    [Id(36)] public string? ResourceId { get; init; }
    /// <summary>A service site of the sites file (<c>site.served</c>).</summary>
    [Id(37)] public string? SiteId { get; init; }
    /// <summary>A resident unit's name (<c>unit.registered</c>).</summary>
    [Id(38)] public string? Name { get; init; }
    /// <summary>The post a registered member takes (认领岗位, <c>member.registered</c>).</summary>
    [Id(39)] public string? Post { get; init; }
    /// <summary>Where a need was found (<c>need.listed</c>: 走访, 点单, 议事); the envelope's <c>source</c> is the sending system.</summary>
    [Id(40)] public string? Origin { get; init; }
    /// <summary>When a unit signed its co-building agreement (共建协议), if it has.</summary>
    [Id(41)] public DateTimeOffset? AgreementSignedAt { get; init; }
    [Id(42)] public int? PartyMembers { get; init; }
    /// <summary>The needs a published project answers.</summary>
    [Id(43)] public string[]? NeedIds { get; init; }
    /// <summary>The resources a published project draws on.</summary>
    [Id(44)] public string[]? ResourceIds { get; init; }
    /// <summary>The resident units attending a joint meeting (联席会议).</summary>
    [Id(45)] public string[]? AttendeeUnits { get; init; }
    /// <summary>People served at a site (<c>site.served</c>).</summary>
    [Id(46)] public int? People { get; init; }
    /// <summary>A consultation (议事协商) that reached its conclusion.</summary>
    [Id(47)] public bool? Concluded { get; init; }

    /// <summary>
    /// The case this event is a step of: its <see cref="CaseId"/> for a case step, null otherwise (a
    /// <c>department.rated</c> may name a case it is no step of, from another leaf). What binds a case to its grid.
    /// </summary>
    public string? StepOfCase => EventTypes.IsCaseStep(Type) ? CaseId : null;

    /// <summary>The leaf area the event belongs to: its grid, or its community.</summary>
    public string AreaId => GridId ?? CommunityId ?? throw new InvalidOperationException($"event {Id} names no area");
}
