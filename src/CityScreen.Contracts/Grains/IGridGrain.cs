using System.Collections.Immutable;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using Orleans.Concurrency;

namespace CityScreen.Contracts.Grains;

/// <summary>
/// The live ledger of one leaf area, keyed by its id: a grid (网格), or a community (社区) for the
/// activities that name the community directly. It is rebuilt from the event store on activation,
/// so it never persists state of its own (docs/architecture.md, rule 2).
/// </summary>
public interface IGridGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies events already durable in the store (each carries its store sequence).
    /// <paramref name="openedCases"/> are the cases these events' appends bound to the leaf: none
    /// of their steps was stored before, so there is nothing of them to read back.
    /// </summary>
    Task ApplyAsync(ImmutableArray<CityEvent> events, ImmutableArray<string> openedCases);

    [AlwaysInterleave]
    Task<IndicatorSnapshot> GetSnapshotAsync();

    /// <summary>
    /// The wall's alarms that stand in this leaf now: its major, critical and red cases not handled
    /// yet, each as the alert that would have raised it (red first, else reported). Read once by a
    /// starting host, which would otherwise know only the alarms raised after it started.
    /// </summary>
    Task<ImmutableArray<CaseAlert>> GetStandingAlarmsAsync();

    /// <summary>Sends the current snapshot to the parent again (a parent that was just activated asks for it).</summary>
    [OneWay]
    Task RepublishAsync();

    /// <summary>Drops the in-memory state so the next call rebuilds it from the store.</summary>
    Task ResetAsync();

    /// <summary>Keeps the grain active so its clock (overdue, midnight) runs without new events.</summary>
    [AlwaysInterleave]
    Task PingAsync();
}
