using CityScreen.Areas;
using CityScreen.Domain.Cases;
using CityScreen.Domain.Ledger;
using CityScreen.Domain.Time;
using CityScreen.Storage.Events;
using Microsoft.Extensions.Caching.Memory;

namespace CityScreen.Server.Cases;

/// <summary>
/// The cases of one grid, rebuilt from the event store (the source of truth, not the live
/// ledger), so a leader sees every case behind a number, including closed ones. A grid's history
/// is replayed once per version of it (its newest event), not on every call: the list and its CSV
/// are open to every reader, and a replay costs the grid's whole history.
/// </summary>
public sealed class CaseListService(AreaTree tree, IEventStore store, CityClock clock) : IDisposable
{
    /// <summary>Grids whose replayed cases are kept; the least recently used go first.</summary>
    private const int CachedGrids = 512;

    private readonly MemoryCache _replayed = new(new MemoryCacheOptions { SizeLimit = CachedGrids });

    public async Task<IReadOnlyList<CaseRow>> ListAsync(Area grid, CaseQuery query, CancellationToken cancellationToken = default)
    {
        var cases = await CasesAsync(grid.Id, cancellationToken);
        var now = clock.Now;
        return cases
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

    private async Task<IReadOnlyList<CaseFile>> CasesAsync(string gridId, CancellationToken cancellationToken)
    {
        // Read before the history: a history read later is at least as new as its key.
        var version = await store.LastSeqAsync(gridId, cancellationToken);
        if (_replayed.TryGetValue(gridId, out (long Version, IReadOnlyList<CaseFile> Cases) known) && known.Version == version) return known.Cases;
        var ledger = new GridLedger(LeafReference.None, clock);
        foreach (var e in await store.ReadAreaAsync(gridId, cancellationToken)) ledger.Apply(e);
        IReadOnlyList<CaseFile> cases = [.. ledger.Cases];
        _replayed.Set(gridId, (version, cases), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return cases;
    }

    public void Dispose() => _replayed.Dispose();

    public bool IsGrid(string areaId, out Area area) => tree.TryGet(areaId, out area) && area.ChildIds.Count == 0;

    private static CaseRow Row(CaseFile f, DateTimeOffset now) =>
        new(f.CaseId, f.Title, f.Category, f.Kind, f.Level, f.ReportedAt, f.FiledAt, f.DueAt, f.ClosedAt, f.Status, CaseRules.IsOverdue(f, now), f.Reopenings, f.Score,
            f.ResolvedAt, f.DispatchedAt, f.RespondedAt, f.Whistled, f.RejectedAt, f.RatedAt, f.Whistles, f.Suspensions, f.Extended);
}
