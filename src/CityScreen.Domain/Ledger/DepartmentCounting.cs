using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Cases;
using CityScreen.Domain.Indicators;
using static CityScreen.Contracts.Indicators.DepartmentCounter;

namespace CityScreen.Domain.Ledger;

/// <summary>
/// What one case adds to the departments' counters of its leaf (docs/domain.md §3, 吹哨报到): per
/// whistle and summoned department its summons and arrival, and per department that handled it
/// the case's closing and rating. Adding with sign −1 takes the case back out, as in <see cref="CaseCounting"/>.
/// </summary>
public static class DepartmentCounting
{
    public static void Add(ICaseFacts f, Window w, IndicatorValues v, int sign)
    {
        var now = w.Now;
        foreach (var whistle in f.Whistles)
        {
            if (!whistle.NamesDepartments || !w.In30(whistle.At)) continue;
            foreach (var s in whistle.Summoned)
            {
                var d = IndicatorMath.DepartmentCounters(v, s.Department);
                d[(int)Summoned30] += sign;
                if (!CaseRules.IsDecided(whistle, s, now)) continue;
                d[(int)SummonsDecided30] += sign;
                if (s.ArrivedAt is { } arrived && arrived <= now)
                {
                    d[(int)Arrived30] += sign;
                    d[(int)ArriveSeconds30] += sign * (long)(arrived - whistle.At).TotalSeconds;
                    if (CaseRules.ArrivedOnTime(whistle, s, now)) d[(int)ArrivedOnTime30] += sign;
                }
            }
        }
        if (f.Departments.Count == 0) return;

        var dueToClose = CaseRules.FallsDueForClosing(f, now) is { } due && w.In30(due);
        var closed = dueToClose && CaseRules.IsClosed(f, now);
        var onTime = dueToClose && CaseRules.ClosedOnTime(f, now);
        var rating = CaseRules.Rating(f) is { } r && w.In30(r.At) ? r : ((DateTimeOffset At, bool Satisfied)?)null;
        if (!dueToClose && rating is null) return;
        foreach (var id in f.Departments)
        {
            var d = IndicatorMath.DepartmentCounters(v, id);
            if (dueToClose)
            {
                d[(int)Handled30] += sign;
                if (closed) d[(int)Resolved30] += sign;
                if (onTime) d[(int)ResolvedOnTime30] += sign;
            }
            if (rating is { } given)
            {
                d[(int)Ratings30] += sign;
                if (given.Satisfied) d[(int)Satisfied30] += sign;
            }
        }
    }
}
