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
    public static void Add(CaseFile f, Window w, IndicatorValues v, int sign, CityClock clock)
    {
        var c = v.Counters;
        var now = w.Now;
        var category = CaseVocabulary.CategoryIndex(f.Category);
        var hotline = CaseRules.IsHotline(f);

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
                if (CaseRules.IsOrder(f))
                {
                    c[(int)OrdersPlaced30] += sign;
                    if (CaseRules.OrderTaken(f, now)) c[(int)OrdersResponded30] += sign;
                }
            }
            AddToBuckets(v.ReportedHourly, v.ReportedDaily, reported, v, sign, clock);
        }

        if (f.ClosedAt is { } closedAt && closedAt <= now)
            AddToBuckets(v.ClosedHourly, v.ClosedDaily, closedAt, v, sign, clock);

        if (f.IsOpen && f.FiledAt <= now)
        {
            c[(int)Open] += sign;
            if (CaseRules.IsOverdue(f, now)) c[(int)Red] += sign;
            else if (CaseRules.IsYellow(f, now)) c[(int)Yellow] += sign;
            if (CaseRules.IsSuspended(f, now)) c[(int)Suspended] += sign;
        }

        if (CaseRules.FallsDueForResolution(f, now) is { } resolveDue && w.In30(resolveDue))
        {
            c[(int)DueResolve30] += sign;
            if (CaseRules.ResolvedOnTime(f, now)) c[(int)ResolvedOnTime30] += sign;
        }
        if (CaseRules.FallsDueForClosing(f, now) is { } closeDue && w.In30(closeDue))
        {
            var onTime = CaseRules.ClosedOnTime(f, now);
            c[(int)DueClose30] += sign;
            if (CaseRules.IsClosed(f, now)) c[(int)Closed30] += sign;
            if (onTime) c[(int)ClosedOnTime30] += sign;
            if (CaseRules.WasReopened(f)) c[(int)Reopened30] += sign;
            if (CaseRules.WasExtended(f)) c[(int)Extended30] += sign;
            if (hotline)
            {
                c[(int)HotlineDue30] += sign;
                if (onTime) c[(int)HotlineOnTime30] += sign;
            }
        }

        if (f.DispatchedAt is { } dispatched && dispatched <= now)
        {
            if (f.RespondedAt is { } answered && answered <= now && w.In30(answered))
            {
                c[(int)ResponseSeconds30] += sign * (long)(answered - dispatched).TotalSeconds;
                c[(int)Responses30] += sign;
            }
            if (w.In30(dispatched) && f.Dispatches > 0)
            {
                c[(int)Dispatches30] += sign * f.Dispatches;
                c[(int)DispatchesKept30] += sign * Math.Max(0, f.Dispatches - f.Returns);
            }
        }

        foreach (var (whistledAt, onTime) in CaseRules.DecidedWhistles(f, now))
        {
            if (!w.In30(whistledAt)) continue;
            c[(int)Whistles30] += sign;
            if (onTime) c[(int)WhistlesOnTime30] += sign;
        }

        if (hotline && f.ReportedAt is { } received && w.In30(received) && CaseRules.HotlineAnswered(f, now) is { } answeredInTime)
        {
            c[(int)HotlineReceived30] += sign;
            if (answeredInTime) c[(int)HotlineAnswered30] += sign;
        }

        if (f.ClosedAt is { } closedTime && closedTime <= now && f.FiledAt is { } filedTime && w.In30(closedTime))
        {
            c[(int)CloseSeconds30] += sign * (long)(closedTime - filedTime).TotalSeconds;
            c[(int)Closures30] += sign;
        }

        if (CaseRules.Rating(f) is { } rating && w.In30(rating.At))
        {
            c[(int)Ratings30] += sign;
            if (rating.Satisfied) c[(int)Satisfied30] += sign;
            if (hotline)
            {
                c[(int)HotlineRatings30] += sign;
                if (rating.Satisfied) c[(int)HotlineSatisfied30] += sign;
                if (f.CallbackResolved is { } solved)
                {
                    c[(int)HotlineCallbacks30] += sign;
                    if (solved) c[(int)HotlineSolved30] += sign;
                }
            }
        }

        if (f.Departments.Count > 0 || f.Whistles.Count > 0) DepartmentCounting.Add(f, w, v, sign);
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
        if (CaseRules.DueAt(f, DateTimeOffset.MaxValue) is { } due && f.FiledAt is not null && due < DateTimeOffset.MaxValue)
        {
            Consider(due.AddTicks(1));
            if (CaseRules.TurnsYellowAt(f) is { } yellow) Consider(yellow);
        }
        foreach (var whistle in f.Whistles)
            if (whistle.Deadline < DateTimeOffset.MaxValue) Consider(whistle.Deadline.AddTicks(1));
        if (CaseRules.IsHotline(f) && (f.DispatchedAt ?? f.ReportedAt) is { } from) Consider(from + CaseRules.HotlineResponseLimit + TimeSpan.FromTicks(1));
        return next;
    }
}
