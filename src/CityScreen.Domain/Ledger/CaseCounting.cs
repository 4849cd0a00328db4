using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Cases;
using CityScreen.Domain.Time;
using static CityScreen.Contracts.Indicators.Counter;

namespace CityScreen.Domain.Ledger;

/// <summary>
/// What one case adds to its leaf's indicators at one instant (docs/domain.md §3), and when that can
/// next change without a new step. Adding with sign −1 takes a case back out of a sum.
/// </summary>
public static class CaseCounting
{
    /// <summary>Whistles must be answered within this time to count as on time (吹哨报到及时率).</summary>
    public static readonly TimeSpan WhistleAnswerLimit = TimeSpan.FromMinutes(30);

    /// <summary>A case is yellow (临期) from this share of its time limit until it is due.</summary>
    public const double YellowShare = 0.8;

    public static void Add(CaseFile f, Window w, IndicatorValues v, int sign, CityClock clock)
    {
        var c = v.Counters;
        var now = w.Now;
        var category = CaseVocabulary.CategoryIndex(f.Category);
        var hotline = f.Kind == "hotline";

        if (f.ReportedAt is { } reported && reported <= now)
        {
            if (w.IsToday(reported))
            {
                c[(int)ReportedToday] += sign;
                if (hotline) c[(int)HotlineToday] += sign;
                v.CategoriesToday[category] += sign;
            }
            if (w.In30(reported))
            {
                c[(int)Reported30] += sign;
                if (f.FiledAt is { } filed && filed <= now) c[(int)Filed30] += sign;
                v.Categories30[category] += sign;
                if (f.Kind == "order")
                {
                    c[(int)OrdersPlaced30] += sign;
                    if (f.RespondedAt is { } r && r <= now) c[(int)OrdersResponded30] += sign;
                }
            }
            AddToBuckets(v.ReportedHourly, v.ReportedDaily, reported, v, sign, clock);
        }

        if (f.ClosedAt is { } closedAt && closedAt <= now)
            AddToBuckets(v.ClosedHourly, v.ClosedDaily, closedAt, v, sign, clock);

        if (f.IsOpen && f.FiledAt <= now)
        {
            c[(int)Open] += sign;
            if (f.DueAt is { } due && f.FiledAt is { } filedAt)
            {
                if (now > due) c[(int)Red] += sign;
                else if ((now - filedAt).Ticks >= YellowShare * (due - filedAt).Ticks) c[(int)Yellow] += sign;
            }
        }

        if (f.FiledAt is not null && f.RejectedAt is null && f.DueAt is { } dueAt)
        {
            // A case falls due for resolution when it is resolved or when its limit passes,
            // whichever comes first; it counts as on time only if resolved by the limit.
            var resolved = f.ResolvedAt is { } rs && rs <= now ? rs : (DateTimeOffset?)null;
            if (w.In30(Earlier(resolved, dueAt)))
            {
                c[(int)DueResolve30] += sign;
                if (resolved <= dueAt) c[(int)ResolvedOnTime30] += sign;
            }
            var closed = f.ClosedAt is { } cl && cl <= now ? cl : (DateTimeOffset?)null;
            if (w.In30(Earlier(closed, dueAt)))
            {
                c[(int)DueClose30] += sign;
                if (closed is not null) c[(int)Closed30] += sign;
                if (closed <= dueAt) c[(int)ClosedOnTime30] += sign;
                if (f.Reopenings > 0) c[(int)Reopened30] += sign;
                if (hotline)
                {
                    c[(int)HotlineDue30] += sign;
                    if (closed <= dueAt) c[(int)HotlineOnTime30] += sign;
                }
            }
        }

        if (f.DispatchedAt is { } dispatched && dispatched <= now)
        {
            var responded = f.RespondedAt is { } rp && rp <= now ? rp : (DateTimeOffset?)null;
            if (responded is { } answered && w.In30(answered))
            {
                c[(int)ResponseSeconds30] += sign * (long)(answered - dispatched).TotalSeconds;
                c[(int)Responses30] += sign;
            }
            // A whistle still within its 30 minutes is neither late nor on time yet.
            if (f.Whistled && w.In30(dispatched) && (responded is not null || now - dispatched > WhistleAnswerLimit))
            {
                c[(int)Whistles30] += sign;
                if (responded - dispatched <= WhistleAnswerLimit) c[(int)WhistlesOnTime30] += sign;
            }
        }

        if (f.ClosedAt is { } closedTime && closedTime <= now && f.FiledAt is { } filedTime && w.In30(closedTime))
        {
            c[(int)CloseSeconds30] += sign * (long)(closedTime - filedTime).TotalSeconds;
            c[(int)Closures30] += sign;
        }

        if (f.RatedAt is { } rated && w.In30(rated) && f.Score is { } score)
        {
            c[(int)Ratings30] += sign;
            if (score >= 4) c[(int)Satisfied30] += sign;
        }
    }

    private static void AddToBuckets(int[] hourly, int[] daily, DateTimeOffset t, IndicatorValues v, int sign, CityClock clock)
    {
        var hoursBack = (int)Math.Floor((v.HourAnchor - CityClock.HourStart(t)).TotalHours);
        if (hoursBack is >= 0 and < IndicatorValues.Hours) hourly[IndicatorValues.Hours - 1 - hoursBack] += sign;
        var daysBack = v.DayAnchor.DayNumber - clock.LocalDate(t).DayNumber;
        if (daysBack is >= 0 and < IndicatorValues.Days) daily[IndicatorValues.Days - 1 - daysBack] += sign;
    }

    /// <summary>
    /// The earliest instant after <paramref name="after"/> at which <see cref="Add"/> can give
    /// another result for this case with no new step: one of its own instants is reached or leaves
    /// the 30-day window, it turns yellow or red, or a whistle's half hour runs out. (Hours and
    /// midnight move every case at once; the caller accounts for them.)
    /// </summary>
    public static DateTimeOffset NextChange(CaseFile f, DateTimeOffset after)
    {
        var next = DateTimeOffset.MaxValue;
        void Consider(DateTimeOffset t)
        {
            if (t > after && t < next) next = t;
        }
        foreach (var t in f.TimePoints)
        {
            Consider(t);
            if (t < DateTimeOffset.MaxValue - Window.ThirtyDays) Consider(t + Window.ThirtyDays);
        }
        if (f.DueAt is { } due && f.FiledAt is { } filed && due < DateTimeOffset.MaxValue)
        {
            Consider(due.AddTicks(1));
            if (due > filed) Consider(filed + TimeSpan.FromTicks((long)(YellowShare * (due - filed).Ticks)));
        }
        if (f.DispatchedAt is { } dispatched) Consider(dispatched + WhistleAnswerLimit + TimeSpan.FromTicks(1));
        return next;
    }

    private static DateTimeOffset Earlier(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;
}
