using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Domain.Cases;
using CityScreen.Domain.Time;
using CityScreen.Storage.Events;

namespace CityScreen.Server.Cases;

/// <summary>
/// A department's work in an area, for the leaders' department page and its CSV: the whistles that
/// summoned it on the area's cases, and the streets' ratings of it. The cases come from
/// <see cref="CaseListService"/>, whose replay of a grid is kept per version of the grid's history,
/// so a page opened again reads no store; nothing here runs per ingested event.
/// </summary>
public sealed class DepartmentWorkService(AreaTree tree, CaseListService cases, IEventStore store, CityClock clock)
{
    public async Task<IReadOnlyList<DepartmentCaseRow>> CasesAsync(Area area, string departmentId, DepartmentCaseQuery query, CancellationToken cancellationToken = default)
    {
        var now = clock.Now;
        var rows = new List<DepartmentCaseRow>();
        foreach (var grid in LeavesOf(area))
        {
            foreach (var c in await cases.ListAsync(grid, new CaseQuery(query.Status, null, false, null, null), cancellationToken))
            {
                foreach (var w in ((ICaseFacts)c).Whistles)
                {
                    if (!w.NamesDepartments || w.At > now) continue;
                    foreach (var s in w.Summoned)
                    {
                        if (s.Department != departmentId) continue;
                        var day = clock.LocalDate(w.At);
                        if (query.From is { } f && day < f || query.To is { } t && day > t) continue;
                        bool? onTime = CaseRules.IsDecided(w, s, now) ? CaseRules.ArrivedOnTime(w, s, now) : null;
                        if (query.LateOnly && onTime != false) continue;
                        rows.Add(new DepartmentCaseRow(c.CaseId, c.Title, c.Category, c.Level, grid.Id, grid.Name, w.At, (int)w.Limit.TotalMinutes,
                            s.ArrivedAt is { } a && a <= now ? a : null, onTime, c.Status, c.ResolvedAt, c.ClosedAt, c.Score));
                    }
                }
            }
        }
        return [.. rows.OrderByDescending(r => r.WhistledAt).ThenBy(r => r.CaseId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The streets' ratings of the department in the area, newest first. Ratings are stored with the
    /// community they name, so the communities of the area (or the area itself, a community) are read.
    /// </summary>
    public async Task<IReadOnlyList<DepartmentRatingRow>> RatingsAsync(Area area, string departmentId, CancellationToken cancellationToken = default)
    {
        var rows = new List<DepartmentRatingRow>();
        var communities = tree.All.Where(a => a.Level == AreaLevel.Community && tree.IsInSubtree(a.Id, area.Id));
        foreach (var community in communities)
        {
            foreach (var e in await store.ReadAreaAsync(community.Id, cancellationToken))
            {
                if (e.Type != EventTypes.DepartmentRated || e.Department != departmentId || e.Score is not { } score) continue;
                var by = e.By ?? "";
                rows.Add(new DepartmentRatingRow(e.OccurredAt, by, tree.TryGet(by, out var street) ? street.Name : by, score, e.Period, e.CaseId));
            }
        }
        return [.. rows.OrderByDescending(r => r.At)];
    }

    /// <summary>
    /// Per local day, the last <paramref name="days"/> days up to today: the times the department was
    /// summoned (by whistle date) and of those, the times it arrived on time.
    /// </summary>
    public IReadOnlyList<(DateOnly Day, int Summoned, int OnTime)> Daily(IReadOnlyList<DepartmentCaseRow> rows, int days)
    {
        var today = clock.LocalDate(clock.Now);
        var first = today.AddDays(1 - days);
        var summoned = new int[days];
        var onTime = new int[days];
        foreach (var r in rows)
        {
            var i = clock.LocalDate(r.WhistledAt).DayNumber - first.DayNumber;
            if (i < 0 || i >= days) continue;
            summoned[i]++;
            if (r.OnTime == true) onTime[i]++;
        }
        return [.. Enumerable.Range(0, days).Select(i => (first.AddDays(i), summoned[i], onTime[i]))];
    }

    private IEnumerable<Area> LeavesOf(Area area) =>
        area.ChildIds.Count == 0 ? [area] : tree.Leaves.Where(l => tree.IsInSubtree(l.Id, area.Id));
}
