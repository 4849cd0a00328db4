using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Cases;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Time;
using static CityScreen.Contracts.Indicators.Counter;

namespace CityScreen.Domain.Ledger;

/// <summary>
/// The live state of one leaf area (a grid, or a community's direct activities): its cases and
/// activities, and the indicator values they give at any instant. Values are recomputed from the
/// cases rather than kept as running counters, so late steps, overdue transitions and midnight
/// need no special bookkeeping: the same facts and the same instant give the same values.
/// </summary>
public sealed class GridLedger(LeafReference reference, CityClock clock)
{
    /// <summary>Whistles must be answered within this time to count as on time (吹哨报到及时率).</summary>
    public static readonly TimeSpan WhistleAnswerLimit = TimeSpan.FromMinutes(30);

    /// <summary>A case is yellow (临期) from this share of its time limit until it is due.</summary>
    public const double YellowShare = 0.8;

    private readonly Dictionary<string, CaseFile> _cases = new(StringComparer.Ordinal);
    private readonly ActivityLog _activities = new();
    private HashSet<string> _red = new(StringComparer.Ordinal);

    public LeafReference Reference { get; } = reference;
    public int CaseCount => _cases.Count;

    public IEnumerable<CaseFile> Cases => _cases.Values;

    public CaseFile? FindCase(string caseId) => _cases.GetValueOrDefault(caseId);

    /// <summary>Adds one event. Returns the case it belongs to, or null for an activity.</summary>
    public CaseFile? Apply(CityEvent e)
    {
        if (!EventTypes.IsCaseStep(e.Type))
        {
            _activities.Apply(e);
            return null;
        }
        if (!_cases.TryGetValue(e.CaseId!, out var file))
            _cases[e.CaseId!] = file = new CaseFile(e.CaseId!);
        file.Apply(e);
        return file;
    }

    public LedgerResult Compute(DateTimeOffset now)
    {
        var w = new Window(now, clock.StartOfToday(now), clock.StartOfYear(now));
        var hourAnchor = CityClock.HourStart(now);
        var today = clock.LocalDate(now);
        var v = IndicatorMath.Empty(hourAnchor, today);
        var c = v.Counters;
        var red = new HashSet<string>(StringComparer.Ordinal);
        var turnedRed = new List<CaseFile>();

        foreach (var file in _cases.Values)
        {
            AddCase(file, w, v, hourAnchor, today);
            if (file.IsOpen && file.DueAt is { } due && now > due)
            {
                red.Add(file.CaseId);
                if (!_red.Contains(file.CaseId)) turnedRed.Add(file);
            }
        }
        _red = red;
        _activities.AddTo(c, w);

        c[(int)Population] = Reference.Population;
        c[(int)Households] = Reference.Households;
        c[(int)MembersExpected] = Reference.MembersExpected;
        c[(int)Grids] = Reference.IsGrid ? 1 : 0;
        c[(int)GridsWithBranch] = Reference.IsGrid && Reference.HasPartyBranch ? 1 : 0;
        return new LedgerResult(v, turnedRed);
    }

    /// <summary>Forgets closed or rejected cases and activities that no window can see any more.</summary>
    public int Prune(DateTimeOffset now)
    {
        var before = now - Window.ThirtyDays - TimeSpan.FromDays(1);
        var removed = 0;
        foreach (var (id, file) in _cases.ToList())
        {
            if (file.IsOpen || file.LastActivity >= before) continue;
            if (file.FiledAt is null && file.RejectedAt is null && file.ReportedAt is null) continue;
            _cases.Remove(id);
            removed++;
        }
        _activities.Prune(before, clock.StartOfYear(now));
        return removed;
    }

    private void AddCase(CaseFile f, Window w, IndicatorValues v, DateTimeOffset hourAnchor, DateOnly today)
    {
        var c = v.Counters;
        var now = w.Now;
        var category = CaseVocabulary.CategoryIndex(f.Category);
        var hotline = f.Kind == "hotline";

        if (f.ReportedAt is { } reported && reported <= now)
        {
            if (w.IsToday(reported))
            {
                c[(int)ReportedToday]++;
                if (hotline) c[(int)HotlineToday]++;
                v.CategoriesToday[category]++;
            }
            if (w.In30(reported))
            {
                c[(int)Reported30]++;
                if (f.FiledAt is { } filed && filed <= now) c[(int)Filed30]++;
                v.Categories30[category]++;
                if (f.Kind == "order")
                {
                    c[(int)OrdersPlaced30]++;
                    if (f.RespondedAt is { } r && r <= now) c[(int)OrdersResponded30]++;
                }
            }
            AddToBuckets(v.ReportedHourly, v.ReportedDaily, reported, hourAnchor, today);
        }

        if (f.ClosedAt is { } closedAt && closedAt <= now)
            AddToBuckets(v.ClosedHourly, v.ClosedDaily, closedAt, hourAnchor, today);

        if (f.IsOpen && f.FiledAt <= now)
        {
            c[(int)Open]++;
            if (f.DueAt is { } due && f.FiledAt is { } filedAt)
            {
                if (now > due) c[(int)Red]++;
                else if ((now - filedAt).Ticks >= YellowShare * (due - filedAt).Ticks) c[(int)Yellow]++;
            }
        }

        if (f.FiledAt is not null && f.RejectedAt is null && f.DueAt is { } dueAt)
        {
            // A case falls due for resolution when it is resolved or when its limit passes,
            // whichever comes first; it counts as on time only if resolved by the limit.
            var resolved = f.ResolvedAt is { } rs && rs <= now ? rs : (DateTimeOffset?)null;
            if (w.In30(Earlier(resolved, dueAt)))
            {
                c[(int)DueResolve30]++;
                if (resolved <= dueAt) c[(int)ResolvedOnTime30]++;
            }
            var closed = f.ClosedAt is { } cl && cl <= now ? cl : (DateTimeOffset?)null;
            if (w.In30(Earlier(closed, dueAt)))
            {
                c[(int)DueClose30]++;
                if (closed is not null) c[(int)Closed30]++;
                if (closed <= dueAt) c[(int)ClosedOnTime30]++;
                if (f.Reopenings > 0) c[(int)Reopened30]++;
                if (hotline)
                {
                    c[(int)HotlineDue30]++;
                    if (closed <= dueAt) c[(int)HotlineOnTime30]++;
                }
            }
        }

        if (f.DispatchedAt is { } dispatched && dispatched <= now)
        {
            var responded = f.RespondedAt is { } rp && rp <= now ? rp : (DateTimeOffset?)null;
            if (responded is { } answered && w.In30(answered))
            {
                c[(int)ResponseSeconds30] += (long)(answered - dispatched).TotalSeconds;
                c[(int)Responses30]++;
            }
            // A whistle still within its 30 minutes is neither late nor on time yet.
            if (f.Whistled && w.In30(dispatched) && (responded is not null || now - dispatched > WhistleAnswerLimit))
            {
                c[(int)Whistles30]++;
                if (responded - dispatched <= WhistleAnswerLimit) c[(int)WhistlesOnTime30]++;
            }
        }

        if (f.ClosedAt is { } closedTime && closedTime <= now && f.FiledAt is { } filedTime && w.In30(closedTime))
        {
            c[(int)CloseSeconds30] += (long)(closedTime - filedTime).TotalSeconds;
            c[(int)Closures30]++;
        }

        if (f.RatedAt is { } rated && w.In30(rated) && f.Score is { } score)
        {
            c[(int)Ratings30]++;
            if (score >= 4) c[(int)Satisfied30]++;
        }
    }

    private void AddToBuckets(int[] hourly, int[] daily, DateTimeOffset t, DateTimeOffset hourAnchor, DateOnly today)
    {
        var hoursBack = (int)Math.Floor((hourAnchor - CityClock.HourStart(t)).TotalHours);
        if (hoursBack is >= 0 and < IndicatorValues.Hours) hourly[IndicatorValues.Hours - 1 - hoursBack]++;
        var daysBack = today.DayNumber - clock.LocalDate(t).DayNumber;
        if (daysBack is >= 0 and < IndicatorValues.Days) daily[IndicatorValues.Days - 1 - daysBack]++;
    }

    private static DateTimeOffset Earlier(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;
}
