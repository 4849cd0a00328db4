using static CityScreen.Simulator.Cases.CaseRules;

namespace CityScreen.Simulator.Cases;

/// <summary>
/// One case's whole life, drawn at once from the case's own random stream: what it is, where, and when
/// each step happens. Drawing it again from the same key gives the same plan, so the simulator keeps only
/// (key, next step) per open case and redraws the plan when a step falls due. One instance is reused.
/// </summary>
internal sealed class CasePlan
{
    public const int MaxSteps = 9;

    private readonly CaseStepKind[] _steps = new CaseStepKind[MaxSteps];
    private readonly long[] _at = new long[MaxSteps];

    public long Key { get; private set; }
    public int StepCount { get; private set; }
    public int Grid { get; private set; }
    public int Kind { get; private set; }
    public int Category { get; private set; }
    public int Level { get; private set; }
    public int Template { get; private set; }
    public int Place { get; private set; }
    public double JitterLon { get; private set; }
    public double JitterLat { get; private set; }
    public long DueTicks { get; private set; }
    public string Department { get; private set; } = "";
    public bool Whistle { get; private set; }
    /// <summary>The member who picked up an order (党员接单), or -1.</summary>
    public int Member { get; private set; }
    public int RejectReason { get; private set; }
    public int ReopenReason { get; private set; }
    public int Score { get; private set; }

    public CaseStepKind StepAt(int step) => _steps[step];

    public long TicksAt(int step) => _at[step];

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
        Department = "";
        Whistle = false;
        Member = -1;
        Score = 0;

        Grid = roster.PickGrid(ref r);
        Kind = DrawKind(ref r, context.Shape, localHour);
        Category = CategoryMix.DrawCategory(ref r, Kind, localHour);
        Level = CategoryMix.DrawLevel(ref r, Category);
        Template = r.Next(CaseTitles.TemplateCount(Category));
        Place = r.Next(2);
        JitterLon = r.Between(-0.002, 0.002);
        JitterLat = r.Between(-0.0015, 0.0015);

        var reported = Add(CaseStepKind.Reported, reportedTicks);
        if (r.Chance(RejectedShare))
        {
            RejectReason = r.Next(CaseReasons.Rejected.Length);
            Add(CaseStepKind.Rejected, reported + Ticks.Minutes(r.Between(5, 40)));
            return;
        }

        var filed = Add(CaseStepKind.Filed, reported + Ticks.Minutes(r.Between(5, 40)));
        DueTicks = filed + Limit(Category, Level).Ticks;

        var dispatched = Add(CaseStepKind.Dispatched, filed + Ticks.Minutes(Level == Critical ? r.Between(2, 10) : r.Between(5, 30)));
        Department = Kind == Order ? Departments.GridPartyBranch : Departments.Draw(ref r, Category);
        Whistle = Departments.IsCityDepartment(Department) && r.Chance(WhistleChance[Level]);
        if (Kind == Order) Member = roster.CommunityOf(Grid).PickActiveMember(ref r);

        var responseMinutes = Whistle
            ? (r.Chance(WhistleAnsweredInTime) ? r.Between(5, 30) : r.Between(30, 150))
            : Level == Critical ? r.Between(5, 20)
            : Kind == Order ? r.Between(5, 90)
            : r.Between(10, 120);
        var responded = Add(CaseStepKind.Responded, dispatched + Ticks.Minutes(responseMinutes));

        // Most cases are dealt with well inside their limit; the late ones run over by hours, some by days.
        var room = DueTicks - responded;
        long resolved;
        bool late;
        if (r.Chance(ResolvedOnTimeShare) && room > Ticks.Minutes(10))
        {
            var share = Math.Pow(r.NextDouble(), 1.6) * 0.97;
            resolved = responded + Math.Max(Ticks.Minutes(5), Ticks.Round((long)(room * share)));
            late = false;
        }
        else
        {
            var x = r.NextDouble();
            var hours = x < 0.70 ? r.Between(1, 24) : x < 0.95 ? r.Between(24, 72) : r.Between(72, 240);
            resolved = Math.Max(DueTicks, responded) + Ticks.Hours(hours);
            late = true;
        }
        Add(CaseStepKind.Resolved, resolved);

        var reopened = r.Chance(ReopenedShare);
        if (reopened)
        {
            ReopenReason = r.Next(CaseReasons.Reopened.Length);
            var back = Add(CaseStepKind.Reopened, resolved + Ticks.Hours(r.Between(0.5, 3)));
            resolved = Add(CaseStepKind.Resolved, back + Ticks.Hours(r.Between(2, 24)));
        }

        var closed = Add(CaseStepKind.Closed, resolved + Ticks.Hours(r.Between(1, 4)));

        if (r.Chance(RatedShare))
        {
            var u = r.NextDouble();
            Add(CaseStepKind.Rated, closed + Ticks.Minutes(10) + Ticks.Hours(12 * u * u));
            Score = DrawScore(ref r, troubled: late || reopened);
        }
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

    private long Add(CaseStepKind step, long ticks)
    {
        _steps[StepCount] = step;
        _at[StepCount] = ticks;
        StepCount++;
        return ticks;
    }
}
