using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Cases;

/// <summary>Turns a step of a <see cref="CasePlan"/> into the event an upstream system would send.</summary>
internal sealed class CaseEventFactory(SimulationContext context)
{
    public const string NaturalHours = "natural", WorkingHours = "working";

    /// <summary>A case key holds the local day of the report and the case's number that day.</summary>
    public static long Key(DateOnly day, int number) => ((long)day.DayNumber << 32) | (uint)number;

    /// <summary>Case numbers as a digital city management platform prints them: AJ, the day, the number that day.</summary>
    public static string CaseId(long key) =>
        $"AJ{DateOnly.FromDayNumber((int)(key >> 32)):yyyyMMdd}{(int)(key & 0xFFFFFFFF):D6}";

    public CityEvent Build(CasePlan plan, int step)
    {
        var grid = context.Roster[plan.Grid];
        var caseId = CaseId(plan.Key);
        var kind = plan.StepAt(step);
        var department = plan.DepartmentAt(step);
        var e = new CityEvent
        {
            Id = context.EventId($"{caseId}-{step + 1}"),
            Type = kind.EventType(),
            OccurredAt = context.Clock.ToLocal(plan.TicksAt(step)),
            GridId = grid.GridId,
            Source = context.Source,
            CaseId = caseId,
        };
        return kind switch
        {
            CaseStepKind.Reported => e with
            {
                Kind = CaseVocabulary.Kinds[plan.Kind],
                Category = CaseVocabulary.Categories[plan.Category],
                Level = CaseVocabulary.Levels[plan.Level],
                Title = CaseTitles.Title(plan.Category, plan.Template, context.Roster.PlacesOf(plan.Grid), plan.Place),
                Location = Location(grid, plan),
                CallerId = plan.CallerId,
            },
            // 12345 work orders carry their limit and let the receiver compute the due time.
            CaseStepKind.Filed when plan.LimitHours > 0 => e with
            {
                LimitHours = plan.LimitHours,
                LimitKind = plan.LimitInWorkingHours ? WorkingHours : NaturalHours,
            },
            CaseStepKind.Filed => e with { DueAt = context.Clock.ToLocal(plan.DueTicks) },
            CaseStepKind.Rejected => e with { Reason = CaseReasons.Rejected[plan.RejectReason] },
            // A whistle is its own step now (case.whistled); a dispatch is always an ordinary one.
            CaseStepKind.Dispatched => e with { Department = department, Whistle = false },
            // A department arriving names itself by id; a body that is not a department (社区居委会,
            // 物业服务企业) has none, and its response names no one.
            CaseStepKind.Responded => plan.Member >= 0
                ? e with { MemberId = context.Roster.CommunityOf(plan.Grid).MemberId(plan.Member) }
                : e with { Department = department is not null && context.Directory.Contains(department) ? department : null },
            CaseStepKind.Whistled => e with
            {
                By = context.Roster.StreetIds[plan.Street],
                Departments = plan.Summoned,
                Reason = CaseReasons.Whistled[plan.WhistleReason],
                RespondWithinMinutes = plan.RespondWithin == CaseRules.RespondWithinMinutes ? null : plan.RespondWithin,
            },
            CaseStepKind.Returned => e with { Department = department, Reason = CaseReasons.Returned[plan.ReturnReason] },
            CaseStepKind.Reassigned => e with { Department = department },
            CaseStepKind.Extended => e with
            {
                DueAt = context.Clock.ToLocal(plan.ExtendedDueTicks),
                Reason = CaseReasons.Extended[plan.ExtendReason],
            },
            CaseStepKind.Suspended => e with { Reason = CaseReasons.Suspended[plan.SuspendReason] },
            CaseStepKind.Resumed => e with { Reason = CaseReasons.Resumed[plan.ResumeReason] },
            CaseStepKind.Resolved => e with { Department = department },
            CaseStepKind.Reopened => e with { Reason = CaseReasons.Reopened[plan.ReopenReason] },
            CaseStepKind.Rated => e with { Score = plan.Score, Resolved = plan.Solved },
            _ => e,
        };
    }

    /// <summary>A point a couple of hundred metres around the grid's point; none when the grid has no coordinates.</summary>
    private static double[]? Location(SimulatedArea grid, CasePlan plan) =>
        grid is { Lon: 0, Lat: 0 }
            ? null
            : [Math.Round(grid.Lon + plan.JitterLon, 6), Math.Round(grid.Lat + plan.JitterLat, 6)];
}
