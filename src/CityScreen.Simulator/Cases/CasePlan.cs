using static CityScreen.Simulator.Cases.CaseRules;

namespace CityScreen.Simulator.Cases;

/// <summary>
/// One case's whole life, drawn at once from the case's own random stream: what it is, where, and when
/// each step happens. Drawing it again from the same key gives the same plan, so the simulator keeps only
/// (key, next step) per open case and redraws the plan when a step falls due. One instance is reused.
/// </summary>
internal sealed class CasePlan
{
    /// <summary>The longest life: reported, filed, dispatched, whistled, four arrivals, suspended, resumed, resolved, reopened, resolved, closed, rated.</summary>
    public const int MaxSteps = 18;

    private readonly CaseStepKind[] _steps = new CaseStepKind[MaxSteps];
    private readonly long[] _at = new long[MaxSteps];
    private readonly string?[] _department = new string?[MaxSteps];

    public long Key { get; private set; }
    public int StepCount { get; private set; }
    public int Grid { get; private set; }
    public int Street { get; private set; }
    public int Kind { get; private set; }
    public int Category { get; private set; }
    public int Level { get; private set; }
    public int Template { get; private set; }
    public int Place { get; private set; }
    public double JitterLon { get; private set; }
    public double JitterLat { get; private set; }
    /// <summary>The 12345 caller (hotline cases), else null.</summary>
    public string? CallerId { get; private set; }
    public long DueTicks { get; private set; }
    /// <summary>The limit a 12345 work order is filed with instead of a due time (0: filed with its due time).</summary>
    public double LimitHours { get; private set; }
    public bool LimitInWorkingHours { get; private set; }
    /// <summary>The member who picked up an order (党员接单), or -1.</summary>
    public int Member { get; private set; }
    public int RejectReason { get; private set; }
    public int ReopenReason { get; private set; }
    public int Score { get; private set; }
    /// <summary>The callback's answer (12345 回访: solved or not) on hotline cases, else null.</summary>
    public bool? Solved { get; private set; }
    /// <summary>The departments the street summons, the lead first; empty when it does not blow the whistle.</summary>
    public string[] Summoned { get; private set; } = [];
    public int WhistleReason { get; private set; }
    public int RespondWithin { get; private set; }
    public int ReturnReason { get; private set; }
    public long ExtendedDueTicks { get; private set; }
    public int ExtendReason { get; private set; }
    public int SuspendReason { get; private set; }
    public int ResumeReason { get; private set; }

    public CaseStepKind StepAt(int step) => _steps[step];

    public long TicksAt(int step) => _at[step];

    /// <summary>The department a step names (dispatch, arrival, return, reassignment, resolution), or null.</summary>
    public string? DepartmentAt(int step) => _department[step];

    /// <summary>The first step after <paramref name="ticks"/>, or -1 when the case is over by then.</summary>
    public int FirstStepAfter(long ticks)
    {
        for (var i = 0; i < StepCount; i++)
            if (_at[i] > ticks) return i;
        return -1;
    }

    /// <param name="localHour">The local hour of the report (the caller usually knows it already).</param>
    public void Draw(SimulationContext context, long key, long reportedTicks, int localHour)
    {
        var roster = context.Roster;
        var r = RandomStream.For(context.Seed, key);
        Key = key;
        StepCount = 0;
        DueTicks = 0;
        LimitHours = 0;
        LimitInWorkingHours = false;
        Member = -1;
        Score = 0;
        Solved = null;
        CallerId = null;
        Summoned = [];

        Grid = roster.PickGrid(ref r);
        Street = roster.StreetOf(Grid);
        Kind = DrawKind(ref r, context.Shape, localHour);
        Category = CategoryMix.DrawCategory(ref r, Kind, localHour);
        Level = CategoryMix.DrawLevel(ref r, Category);
        Template = r.Next(CaseTitles.TemplateCount(Category));
        Place = r.Next(2);
        JitterLon = r.Between(-0.002, 0.002);
        JitterLat = r.Between(-0.0015, 0.0015);
        if (Kind == Hotline) CallerId = Callers.Draw(ref r, context, key, Grid, Category);

        var reported = Add(CaseStepKind.Reported, reportedTicks);
        if (r.Chance(RejectedShare))
        {
            RejectReason = r.Next(CaseReasons.Rejected.Length);
            Add(CaseStepKind.Rejected, reported + Ticks.Minutes(r.Between(5, 40)));
            return;
        }

        var filed = Add(CaseStepKind.Filed, reported + Ticks.Minutes(r.Between(5, 40)));
        DueTicks = filed + Limit(Category, Level).Ticks;
        if (Kind == Hotline)
        {
            (LimitHours, LimitInWorkingHours) = HotlineLimit(Category, Level);
            DueTicks = LimitInWorkingHours
                ? context.Calendar.AddWorkingHours(context.Clock.ToLocal(filed), LimitHours).UtcTicks
                : filed + Ticks.Hours(LimitHours);
        }

        var receivers = context.Receivers[Street];
        var dispatched = Add(CaseStepKind.Dispatched, filed + Ticks.Minutes(Level == Critical ? r.Between(2, 10) : r.Between(5, 30)));
        var (department, isDepartment) = Kind == Order ? (Departments.GridPartyBranch, false) : receivers.Dispatch(ref r, Category);
        _department[StepCount - 1] = department;
        if (Kind == Order) Member = roster.CommunityOf(Grid).PickActiveMember(ref r);

        var returned = isDepartment && r.Chance(ReturnedShare / DepartmentDispatchShare);
        var whistled = !returned && Kind != Order && Level != Normal && receivers.CanWhistle && r.Chance(context.WhistleChance);
        long responded;
        string? solvedBy = null;
        var onTimeShare = ResolvedOnTimeShare;
        if (returned && receivers.OtherDepartment(ref r, Category, department) is { } next)
        {
            responded = Redispatch(ref r, dispatched, department, next);
        }
        else if (whistled)
        {
            responded = Whistle(ref r, context, dispatched, isDepartment ? department : null);
            solvedBy = Summoned[0];
            onTimeShare = context.Directory.CharacterOf(solvedBy).Quality;
        }
        else
        {
            var responseMinutes = Level == Critical ? r.Between(5, 20) : Kind == Order ? r.Between(5, 90) : r.Between(10, 120);
            responded = Add(CaseStepKind.Responded, dispatched + Ticks.Minutes(responseMinutes), department);
        }

        // The clock of a suspended case stops until it resumes; an extended one gets a new due time.
        var from = responded;
        var due = DueTicks;
        if (r.Chance(SuspendedShare))
        {
            SuspendReason = r.Next(CaseReasons.Suspended.Length);
            ResumeReason = r.Next(CaseReasons.Resumed.Length);
            var suspended = Add(CaseStepKind.Suspended, from + Ticks.Hours(r.Between(0.5, 4)));
            from = Add(CaseStepKind.Resumed, suspended + Ticks.Hours(r.Between(12, 120)));
            due += from - suspended;
        }
        else if (r.Chance(ExtendedShare))
        {
            ExtendReason = r.Next(CaseReasons.Extended.Length);
            var asked = from + Math.Max(Ticks.Minutes(10), Ticks.Round((long)((due - from) * r.Between(0.5, 0.9))));
            from = Add(CaseStepKind.Extended, asked);
            ExtendedDueTicks = Math.Max(due, asked) + (DueTicks - filed);
            due = ExtendedDueTicks;
        }

        // Most cases are dealt with well inside their limit; the late ones run over by hours, some by days,
        // the serious ones by much less.
        var room = due - from;
        long resolved;
        bool late;
        if (r.Chance(onTimeShare) && room > Ticks.Minutes(10))
        {
            var share = Math.Pow(r.NextDouble(), 1.6) * 0.97;
            resolved = from + Math.Max(Ticks.Minutes(5), Ticks.Round((long)(room * share)));
            late = false;
        }
        else
        {
            var x = r.NextDouble();
            var hours = x < 0.70 ? r.Between(1, 24) : x < 0.95 ? r.Between(24, 72) : r.Between(72, 240);
            resolved = Math.Max(due, from) + Ticks.Hours(hours * OverrunByLevel[Level]);
            late = true;
        }
        Add(CaseStepKind.Resolved, resolved, solvedBy);

        var reopened = r.Chance(ReopenedShare);
        if (reopened)
        {
            ReopenReason = r.Next(CaseReasons.Reopened.Length);
            var back = Add(CaseStepKind.Reopened, resolved + Ticks.Hours(r.Between(0.5, 3)));
            resolved = Add(CaseStepKind.Resolved, back + Ticks.Hours(r.Between(2, 24) * OverrunByLevel[Level]), solvedBy);
        }

        var closeHours = Level switch { Critical => r.Between(0.5, 1.5), Major => r.Between(1, 3), _ => r.Between(1, 4) };
        var closed = Add(CaseStepKind.Closed, resolved + Ticks.Hours(closeHours));

        if (r.Chance(RatedShare))
        {
            var u = r.NextDouble();
            Add(CaseStepKind.Rated, closed + Ticks.Minutes(10) + Ticks.Hours(12 * u * u));
            Score = DrawScore(ref r, troubled: late || reopened);
            // The 12345 callback asks whether the problem is solved; a satisfied caller nearly always says yes.
            if (Kind == Hotline) Solved = r.Chance(Score >= 4 ? 0.97 : Score == 3 ? 0.6 : 0.2);
        }
    }

    /// <summary>The department sends the dispatch back (退回); the platform reassigns it (改派) or dispatches it anew.</summary>
    private long Redispatch(ref RandomStream r, long dispatched, string wrong, string next)
    {
        ReturnReason = r.Next(CaseReasons.Returned.Length);
        var back = Add(CaseStepKind.Returned, dispatched + Ticks.Minutes(r.Between(20, 240)), wrong);
        var again = r.Chance(ReassignedAfterReturnShare)
            ? Add(CaseStepKind.Reassigned, back + Ticks.Minutes(r.Between(5, 60)), next)
            : Add(CaseStepKind.Dispatched, back + Ticks.Minutes(r.Between(10, 90)), next);
        var responseMinutes = Level == Critical ? r.Between(5, 20) : r.Between(10, 120);
        return Add(CaseStepKind.Responded, again + Ticks.Minutes(responseMinutes), next);
    }

    /// <summary>
    /// The street blows the whistle (街道吹哨), mostly after the ordinary dispatch stalled, and each summoned
    /// department arrives (报到) as its character has it. Returns the last arrival.
    /// </summary>
    private long Whistle(ref RandomStream r, SimulationContext context, long dispatched, string? stalled)
    {
        var stall = r.Chance(WhistleAfterStallShare);
        var wait = !stall ? Ticks.Minutes(r.Between(5, 20))
            : Level == Critical ? Ticks.Minutes(r.Between(15, 60))
            : Ticks.Hours(r.Between(1, 6));
        var whistled = Add(CaseStepKind.Whistled, dispatched + wait);
        RespondWithin = Level == Critical ? 15 : r.Chance(0.3) ? 20 : RespondWithinMinutes;
        WhistleReason = Level == Critical ? CaseReasons.Whistled.Length - 1 : r.Next(CaseReasons.Whistled.Length - 1);
        Summoned = context.Receivers[Street].Summon(ref r, Category, stalled);

        var arrivals = new long[Summoned.Length];
        var order = new string[Summoned.Length];
        for (var i = 0; i < Summoned.Length; i++)
        {
            var c = context.Directory.CharacterOf(Summoned[i]);
            var minutes = r.Chance(c.OnTimeShare)
                ? Math.Min(c.MeanArrivalMinutes * r.Between(0.4, 1.6), RespondWithin * r.Between(0.6, 0.98))
                : RespondWithin + r.Between(3, 90);
            arrivals[i] = whistled + Ticks.Minutes(Math.Max(2, minutes));
            order[i] = Summoned[i];
        }
        Array.Sort(arrivals, order);
        for (var i = 0; i < arrivals.Length; i++) Add(CaseStepKind.Responded, arrivals[i], order[i]);
        return arrivals[^1];
    }

    private static int DrawKind(ref RandomStream r, DayShape shape, int localHour)
    {
        Span<double> w = stackalloc double[KindShares.Length];
        for (var k = 0; k < w.Length; k++) w[k] = shape.KindWeight(k, localHour);
        return r.Pick(w);
    }

    /// <summary>About nine in ten residents are satisfied (4–5); fewer when the case was late or had to be redone.</summary>
    private static int DrawScore(ref RandomStream r, bool troubled)
    {
        if (r.Chance(troubled ? 0.78 : 0.93)) return r.Chance(0.65) ? 5 : 4;
        ReadOnlySpan<double> unhappy = [3, 3, 4];
        return 1 + r.Pick(unhappy);
    }

    private long Add(CaseStepKind step, long ticks, string? department = null)
    {
        _steps[StepCount] = step;
        _at[StepCount] = ticks;
        _department[StepCount] = department;
        StepCount++;
        return ticks;
    }
}
