using CityScreen.Areas;
using CityScreen.Domain.Cases;
using CityScreen.Domain.Ledger;
using CityScreen.Domain.Time;
using CityScreen.Storage.Events;

namespace CityScreen.Server.Cases;

/// <summary>
/// The cases of one grid, rebuilt from the event store (the source of truth, not the live
/// ledger), so a leader sees every case behind a number, including closed ones.
/// </summary>
public sealed class CaseListService(AreaTree tree, IEventStore store, CityClock clock)
{
    public async Task<IReadOnlyList<CaseRow>> ListAsync(Area grid, CaseQuery query, CancellationToken cancellationToken = default)
    {
        var ledger = new GridLedger(LeafReference.None, clock);
        foreach (var e in await store.ReadAreaAsync(grid.Id, cancellationToken)) ledger.Apply(e);
        var now = clock.Now;
        return ledger.Cases
            .Select(f => Row(f, now))
            .Where(r => query.Status is null || r.Status == query.Status)
            .Where(r => query.Category is null || r.Category == query.Category)
            .Where(r => !query.OverdueOnly || r.Overdue)
            .Where(r => query.From is null || (r.ReportedAt is { } t && clock.LocalDate(t) >= query.From))
            .Where(r => query.To is null || (r.ReportedAt is { } t2 && clock.LocalDate(t2) <= query.To))
            .OrderByDescending(r => r.ReportedAt ?? r.FiledAt)
            .ThenBy(r => r.CaseId, StringComparer.Ordinal)
            .ToList();
    }

    public bool IsGrid(string areaId, out Area area) => tree.TryGet(areaId, out area) && area.ChildIds.Count == 0;

    private static CaseRow Row(CaseFile f, DateTimeOffset now) =>
        new(f.CaseId, f.Title, f.Category, f.Kind, f.Level, f.ReportedAt, f.FiledAt, f.DueAt, f.ClosedAt, f.Status, CaseRules.IsOverdue(f, now), f.Reopenings, f.Score,
            f.ResolvedAt, f.DispatchedAt, f.RespondedAt, f.Whistled, f.RejectedAt, f.RatedAt, f.Whistles, f.Suspensions, f.Extended);
}
