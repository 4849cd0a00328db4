using System.Collections.Concurrent;
using System.Collections.Immutable;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Grains;
using CityScreen.Domain.CoBuilding;
using CityScreen.Domain.Ingest;
using CityScreen.Domain.Telemetry;
using CityScreen.Domain.Time;
using CityScreen.Storage.Events;
using Microsoft.Extensions.Logging;

namespace CityScreen.Grains.Ingest;

/// <summary>
/// The one way in for events (the API and the in-process simulator): check them against the area
/// tree and the cases already known, store them durably (all or nothing), then hand the new ones
/// to their grid grains. A request with any error changes nothing.
/// </summary>
public sealed class EventIngestor(
    AreaTree tree, IEventStore store, IGrainFactory grains, ILogger<EventIngestor> logger, Microsoft.Extensions.Options.IOptions<GrainOptions>? options = null,
    CityScreenMetrics? metrics = null, CityClock? clock = null)
{
    /// <summary>Tries of one rebuild, an interval apart: at 30 s, ten minutes for a dead host to be declared dead.</summary>
    private const int RebuildAttempts = 20;

    private readonly RegistryCache _registries = new(tree, store);
    private readonly TimeProvider _time = clock?.Time ?? TimeProvider.System;
    private readonly SemaphoreSlim _inFlight = new(Math.Max(1, (options?.Value ?? new GrainOptions()).MaxIngestInFlight));
    private readonly TimeSpan _rebuildInterval = (options?.Value ?? new GrainOptions()).DuplicateRebuildInterval;
    private readonly Lock _rebuildGate = new();
    /// <summary>When each grid last rebuilt for duplicates (<see cref="Environment.TickCount64"/>), and the grids with a rebuild already waiting.</summary>
    private readonly Dictionary<string, long> _rebuiltAt = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rebuildWaiting = new(StringComparer.Ordinal);
    /// <summary>The grids' references, resolved once each: resolving one formats its interface's type name, per request and grid.</summary>
    private readonly ConcurrentDictionary<string, IGridGrain> _grids = new(StringComparer.Ordinal);

    /// <summary>
    /// Validates <paramref name="items"/> (null where parsing already failed, with the error in
    /// <paramref name="errors"/>) and, when all are valid, stores and dispatches them.
    /// </summary>
    public async Task<IngestOutcome> IngestAsync(IReadOnlyList<CityEvent?> items, ValidationErrors errors, bool isBatch, CancellationToken cancellationToken = default)
    {
        await CheckAreasAndCasesAsync(items, errors, isBatch, cancellationToken);
        if (errors.IsEmpty) await CheckReferencesAsync(items, errors, isBatch, cancellationToken);
        if (!errors.IsEmpty) return new IngestOutcome(0, 0, errors);

        var events = items.Select(e => e!).ToList();
        // Taken before storing: a refused request has stored nothing, so its resend is new.
        if (!_inFlight.Wait(0))
            throw new StoreBusyException("the areas are still applying earlier events: nothing was stored, retry shortly");
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = await store.AppendAsync(events, cancellationToken);
            metrics?.StoreCommitted(System.Diagnostics.Stopwatch.GetElapsedTime(started), events.Count);
            metrics?.EventsStored(result.Stored.Count, result.Duplicates);
            if (result.Conflicts.Count > 0)
            {
                foreach (var conflict in result.Conflicts) errors.Add(PathOf(isBatch, conflict.Index, conflict.Field), conflict.Reason);
                return new IngestOutcome(0, 0, errors, IsConflict: true) { ConflictingItems = result.Conflicts.Select(c => c.Index).Distinct().ToList() };
            }
            _registries.Remember(result.Stored);
            await DispatchAsync(result.Stored, result.OpenedCases);
            if (result.Duplicates > 0) await RebuildAreasOfDuplicatesAsync(events, result.Stored);
            return new IngestOutcome(result.Stored.Count, result.Duplicates, null);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    /// <summary>Events the caller built itself (the simulator): the same checks, errors as an exception.</summary>
    public async Task<IngestOutcome> IngestAsync(IReadOnlyList<CityEvent> events, CancellationToken cancellationToken = default)
    {
        var outcome = await IngestAsync(events, new ValidationErrors(), isBatch: true, cancellationToken);
        return outcome.IsValid ? outcome : throw new ArgumentException($"invalid events: {outcome.Errors}", nameof(events));
    }

    private async Task CheckAreasAndCasesAsync(IReadOnlyList<CityEvent?> items, ValidationErrors errors, bool isBatch, CancellationToken cancellationToken)
    {
        string PathOf(int i, string field) => EventIngestor.PathOf(isBatch, i, field);

        // A case lives in one grid: every step must name the grid of the steps before it,
        // in this request or already stored.
        var caseGrids = new Dictionary<string, (string Grid, int Index)>(StringComparer.Ordinal);
        // Ids are unique per source: two sources may use the same id for different events.
        var seenIds = new Dictionary<(string Source, string Id), int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } e) continue;
            if (e.GridId is { } gridId)
            {
                if (!tree.TryGet(gridId, out var grid)) errors.Add(PathOf(i, "gridId"), $"unknown grid '{gridId}'");
                else if (grid.ChildIds.Count != 0) errors.Add(PathOf(i, "gridId"), $"'{gridId}' is a {grid.Level.ToApiName()}, not a grid");
            }
            else if (e.CommunityId is { } communityId)
            {
                if (!tree.TryGet(communityId, out var community)) errors.Add(PathOf(i, "communityId"), $"unknown community '{communityId}'");
                else if (community.Level != AreaLevel.Community) errors.Add(PathOf(i, "communityId"), $"'{communityId}' is a {community.Level.ToApiName()}, not a community");
            }
            if (seenIds.TryGetValue((e.Source, e.Id), out var first) && CityEventJson.Serialize(items[first]!) != CityEventJson.Serialize(e))
                errors.Add(PathOf(i, "id"), $"the same id as item {first} with different content");
            else seenIds.TryAdd((e.Source, e.Id), i);

            if (e.StepOfCase is { } caseId && e.GridId is { } g)
            {
                if (caseGrids.TryGetValue(caseId, out var known) && known.Grid != g)
                    errors.Add(PathOf(i, "gridId"), $"case '{caseId}' is in grid '{known.Grid}' (item {known.Index}), not '{g}'");
                else caseGrids.TryAdd(caseId, (g, i));
            }
        }
        if (caseGrids.Count == 0) return;

        var stored = await store.FindCaseAreasAsync(caseGrids.Keys.ToList(), cancellationToken);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { StepOfCase: { } caseId, GridId: { } g }) continue;
            if (stored.TryGetValue(caseId, out var storedGrid) && storedGrid != g)
                errors.Add(PathOf(i, "gridId"), $"case '{caseId}' is in grid '{storedGrid}', not '{g}'");
        }
    }

    /// <summary>Where an error of item <paramref name="i"/> points: <c>[i].field</c> in a batch, <c>$.field</c> for one event.</summary>
    private static string PathOf(bool isBatch, int i, string field) => isBatch ? $"[{i}].{field}" : $"$.{field}";

    /// <summary>
    /// A reference to a unit, need, resource or project must name one its community has listed, in
    /// this request or before; an event within <see cref="RegistryReferences.OutOfOrderWindow"/> of now
    /// may name one that has not arrived yet (docs/domain.md, 共驻共建).
    /// </summary>
    private async Task CheckReferencesAsync(IReadOnlyList<CityEvent?> items, ValidationErrors errors, bool isBatch, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var listedHere = new HashSet<(string Community, string Key)>();
        foreach (var e in items)
            if (e is not null && RegistryReferences.Lists(e) is (var kind, var id))
                listedHere.Add((_registries.CommunityOf(e.AreaId), RegistryReferences.Key(kind, id)));
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } e || RegistryReferences.MayWait(e, now)) continue;
            var community = _registries.CommunityOf(e.AreaId);
            foreach (var (kind, id, field) in RegistryReferences.RefersTo(e))
            {
                var key = RegistryReferences.Key(kind, id);
                if (listedHere.Contains((community, key)) || await _registries.IsKnownAsync(community, key, cancellationToken)) continue;
                errors.Add(PathOf(isBatch, i, field),
                    $"{kind} '{id}' is not listed in community '{community}' (an event older than {RegistryReferences.OutOfOrderWindow.TotalHours:0} h must name a listed {kind})");
            }
        }
    }

    private async Task DispatchAsync(IReadOnlyList<CityEvent> stored, IReadOnlySet<string> openedCases)
    {
        var byArea = stored.GroupBy(e => e.AreaId, StringComparer.Ordinal);
        await Task.WhenAll(byArea.Select(async group =>
        {
            try
            {
                var opened = group.Select(e => e.StepOfCase).OfType<string>().Where(openedCases.Contains).Distinct(StringComparer.Ordinal).ToImmutableArray();
                await _grids.GetOrAdd(group.Key, static (id, g) => g.GetGrain<IGridGrain>(id), grains).ApplyAsync(group.ToImmutableArray(), opened);
            }
            catch (Exception ex)
            {
                // The events are durable; the grain catches up from the store when it is next
                // activated, so the request still succeeds. Force that re-activation now.
                logger.LogWarning(ex, "Could not hand {Count} events to {Area}; it will rebuild from the store", group.Count(), group.Key);
                await RebuildAtMostOnceAnIntervalAsync(group.Key);
            }
        }));
    }

    /// <summary>
    /// A resend is usually of events a grid already has, but not always: a host killed between its
    /// commit and handing the events on leaves them stored and unknown to grids living on other
    /// hosts, and the resend, a duplicate now, is not handed on either. The grids of a resend's
    /// duplicates therefore rebuild from the store, which has every accepted event.
    /// </summary>
    private async Task RebuildAreasOfDuplicatesAsync(IReadOnlyList<CityEvent> sent, IReadOnlyList<CityEvent> stored)
    {
        var storedIds = stored.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var areas = sent.Where(e => !storedIds.Contains(e.Id)).Select(e => e.AreaId).Distinct(StringComparer.Ordinal);
        await Task.WhenAll(areas.Select(RebuildAtMostOnceAnIntervalAsync));
    }

    /// <summary>Rebuilds now if the grid has not within the interval; otherwise once at its end (at most one waiting).</summary>
    private Task RebuildAtMostOnceAnIntervalAsync(string areaId)
    {
        TimeSpan wait;
        lock (_rebuildGate)
        {
            var now = Environment.TickCount64;
            if (!_rebuiltAt.TryGetValue(areaId, out var last) || now - last >= _rebuildInterval.TotalMilliseconds)
            {
                _rebuiltAt[areaId] = now;
                return RebuildAsync(areaId);
            }
            if (!_rebuildWaiting.Add(areaId)) return Task.CompletedTask;
            wait = TimeSpan.FromMilliseconds(last + _rebuildInterval.TotalMilliseconds - now);
        }
        _ = Task.Run(async () =>
        {
            await Task.Delay(wait);
            lock (_rebuildGate)
            {
                _rebuildWaiting.Remove(areaId);
                _rebuiltAt[areaId] = Environment.TickCount64;
            }
            await RebuildAsync(areaId);
        });
        return Task.CompletedTask;
    }

    /// <summary>
    /// Resets the grid and wakes it at once, so its rebuilt values are published without waiting
    /// for its next event. When either fails it is tried again after the interval, until it
    /// succeeds (bounded): a grid whose host has just died is unreachable until the cluster
    /// declares that host dead, tens of seconds later, and events stored for it meanwhile are in
    /// no ledger; a grid that then received nothing more showed its old values for good.
    /// </summary>
    private async Task RebuildAsync(string areaId, int attempt = 1)
    {
        if (await TryResetAsync(areaId) && await TryWakeAsync(areaId)) return;
        if (attempt >= RebuildAttempts)
        {
            logger.LogError("Gave up rebuilding {Area} after {Attempts} attempts; its next event or a restart rebuilds it", areaId, attempt);
            return;
        }
        _ = Task.Run(async () =>
        {
            await Task.Delay(_rebuildInterval);
            await RebuildAsync(areaId, attempt + 1);
        });
    }

    private async Task<bool> TryWakeAsync(string areaId)
    {
        try
        {
            await grains.GetGrain<IGridGrain>(areaId).PingAsync();
            return true;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not wake {Area} after its rebuild; trying again", areaId);
            return false;
        }
    }

    private async Task<bool> TryResetAsync(string areaId)
    {
        try
        {
            await grains.GetGrain<IGridGrain>(areaId).ResetAsync();
            return true;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not reset {Area}; trying again", areaId);
            return false;
        }
    }
}
