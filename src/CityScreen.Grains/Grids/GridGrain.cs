using System.Collections.Immutable;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Grains;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Cases;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Ledger;
using CityScreen.Domain.Telemetry;
using CityScreen.Domain.Time;
using CityScreen.Storage.Checkpoints;
using CityScreen.Storage.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityScreen.Grains.Grids;

/// <summary>
/// The ledger of one leaf area. On activation it rebuilds from its checkpoint and the events stored
/// after it (<see cref="LedgerHistory"/>); afterwards it applies what the ingest path hands it,
/// skipping what the rebuild already saw. That is decided by the applied sequences themselves, not
/// by the highest one: on PostgreSQL, hosts commit out of sequence order, so an event with a lower
/// sequence can commit (and arrive) after the rebuild read a higher one. It checkpoints on a
/// cadence, and pushes its snapshot to its parent (<see cref="ParentReport"/>) and one way to the screens.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class GridGrain(
    AreaTree tree,
    CityClock clock,
    IEventStore store,
    IOptions<GrainOptions> options,
    ILogger<GridGrain> logger) : Grain, IGridGrain
{
    /// <summary>A major or critical report older than this when it arrives is history, not an alarm.</summary>
    private static readonly TimeSpan AlertFreshness = TimeSpan.FromMinutes(15);

    private GridLedger _ledger = null!;
    private ParentReport _parent = null!;
    /// <summary>Kept: resolving a grain reference formats its interface's type name, on every publish.</summary>
    private IScreenPublisherGrain? _publisher;
    private string _snapshotId = "";
    private bool _isGrid;
    private LedgerHistory _history = null!;
    private long _version;
    private IndicatorSnapshot? _snapshot;
    private bool _dirty;
    private DateTimeOffset _nextClockChange = DateTimeOffset.MinValue;
    private IGrainTimer _clockTimer = null!;
    private FlushThrottle _throttle = null!;
    private readonly List<CaseAlert> _pendingAlerts = [];
    private CityScreenMetrics? _metrics;
    /// <summary>When events arrived that no published snapshot holds yet (<see cref="System.Diagnostics.Stopwatch"/> ticks), or -1.</summary>
    private long _eventsArrived = -1;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var area = tree.Get(this.GetPrimaryKeyString());
        _isGrid = area.ChildIds.Count == 0;
        _ledger = LeafLedger.For(area, clock);
        if (_isGrid)
        {
            _snapshotId = area.Id;
            _parent = new(area.ParentId is null ? null : GrainFactory.GetAggregate(tree.Get(area.ParentId)), options.Value.ReportRetry);
        }
        else
        {
            // A community's own activities, beside its grids.
            _snapshotId = area.Id + AreaGrainFactory.DirectSuffix;
            _parent = new(GrainFactory.GetAggregate(area), options.Value.ReportRetry);
        }
        // Looked up rather than injected, as the metrics are: clusters built by tests may have no checkpoints.
        var checkpoints = options.Value.Checkpoints ? ServiceProvider.GetService<ICheckpointStore>() : null;
        _history = new LedgerHistory(area.Id, _ledger, store, checkpoints, options.Value.LateArrival);
        await _history.RecoverAsync(clock.Now, cancellationToken: cancellationToken);
        if (checkpoints is not null)
        {
            // Spread over the interval, so the leaves of a host do not all write at the same moment.
            var interval = options.Value.CheckpointInterval;
            var first = TimeSpan.FromTicks((long)(interval.Ticks * (0.5 + Random.Shared.NextDouble())));
            this.RegisterGrainTimer(CheckpointAsync, first, interval);
        }
        _version = Versioning.Start();
        // Looked up rather than injected: clusters built by tests have no metrics, and need none.
        _metrics = ServiceProvider.GetService<CityScreenMetrics>();
        _throttle = new FlushThrottle(options.Value.FlushInterval, lag => _metrics?.Flushed("grid", lag));
        _clockTimer = this.RegisterGrainTimer(OnClockAsync, options.Value.ClockTick, options.Value.ClockSleep);
        // The first computation is the baseline: cases already red are not news.
        var baseline = Compute(raiseAlerts: false);
        _snapshot = new IndicatorSnapshot(_snapshotId, ++_version, clock.Now, baseline);
        _ = AfterActivationAsync();
        logger.LogDebug("{Area} replayed {Count} events ({From})", _snapshotId, _history.Replayed, _history.FromCheckpoint ? "from its checkpoint" : "from the start");
    }

    /// <summary>
    /// Sends the first snapshot once activation is over. Calling other grains from inside
    /// OnActivateAsync deadlocked when a parent and its children were activating at the same
    /// moment and sent to each other; a yielded continuation runs as a turn of its own.
    /// </summary>
    private async Task AfterActivationAsync()
    {
        await Task.Yield();
        Publish(_snapshot!.Values);
    }

    public async Task ApplyAsync(ImmutableArray<CityEvent> events, ImmutableArray<string> openedCases)
    {
        var now = clock.Now;
        var opened = openedCases.IsDefaultOrEmpty ? null : new HashSet<string>(openedCases, StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Seq != 0 && _history.IsApplied(e.Seq)) continue;
            var file = await _history.ApplyHandedAsync(e, opened);
            // Only news is an alarm: a late or replayed report of an old case is not.
            if (file is not null && e.Type == EventTypes.CaseReported && CaseRules.IsAlarming(file.Level)
                && file.ClosedAt is null && file.RejectedAt is null && now - e.OccurredAt <= AlertFreshness)
                _pendingAlerts.Add(Alert(file, AlertReason.Reported, e.OccurredAt));
            // A whistle is news for the ticker whatever the case's level, on the same freshness terms.
            else if (file is not null && e.Type == EventTypes.CaseWhistled && file.ClosedAt is null && now - e.OccurredAt <= AlertFreshness)
                _pendingAlerts.Add(Alert(file, AlertReason.Whistled, e.OccurredAt));
            // The end of an alarm is news whenever it comes: a marker pulses until its case is handled.
            // Red is judged at this grain's clock (as the alarm was), not only at the step's own time:
            // a step that arrives late may have happened before the limit the grain saw pass.
            else if (file is not null && CaseRules.EndsAlarm(e.Type) && CaseRules.HasAlarmed(file, file.Level, e.OccurredAt > now ? e.OccurredAt : now))
                _pendingAlerts.Add(Alert(file, AlertReason.Handled, e.OccurredAt));
        }
        _dirty = true;
        if (_eventsArrived < 0) _eventsArrived = System.Diagnostics.Stopwatch.GetTimestamp();
        RequestFlush();
    }

    public Task<IndicatorSnapshot> GetSnapshotAsync() => Task.FromResult(_snapshot!);

    public Task PingAsync() => Task.CompletedTask;

    public Task<ImmutableArray<CaseAlert>> GetStandingAlarmsAsync()
    {
        var now = clock.Now;
        return Task.FromResult(_ledger.Cases
            .Where(f => CaseRules.AlarmStands(f, f.Level, now))
            .Select(f => CaseRules.IsOverdue(f, now)
                ? Alert(f, AlertReason.Overdue, f.DueAt ?? now)
                : Alert(f, AlertReason.Reported, f.ReportedAt ?? f.FiledAt ?? now))
            .ToImmutableArray());
    }

    public Task RepublishAsync()
    {
        if (_snapshot is not null) _parent.Send(_snapshot);
        return Task.CompletedTask;
    }

    public Task ResetAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The checkpoint is taken by the activation that owns the leaf, from its own turn: in a
    /// cluster each leaf is active on one host, so each row has one writer. A failed write is
    /// only a longer tail at the next restart.
    /// </summary>
    private async Task CheckpointAsync()
    {
        try
        {
            if (await _history.CheckpointAsync(clock.Now))
            {
                _dirty = true;
                RequestFlush();
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "{Area} could not save its checkpoint; a restart replays a longer tail", _snapshotId);
        }
    }

    private Task OnClockAsync()
    {
        if (_dirty || clock.Now >= _nextClockChange) RequestFlush();
        else WakeAtNextChange();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sets the clock timer for the moment the indicators next change with time (a due time, the
    /// hour, midnight: <see cref="LedgerResult.NextChange"/>), no sooner than a tick and no later
    /// than <see cref="GrainOptions.ClockSleep"/>. Ticking every second, 50,000 grids kept the
    /// runtime's timer queue walking tens of thousands of timers, about a tenth of a cluster host's CPU.
    /// </summary>
    private void WakeAtNextChange()
    {
        var (tick, sleep) = (options.Value.ClockTick, options.Value.ClockSleep);
        var until = _nextClockChange - clock.Now;
        _clockTimer.Change(until < tick ? tick : until > sleep ? sleep : until, sleep);
    }

    private void RequestFlush() => _throttle.Request(Flush);

    private void Flush()
    {
        _throttle.Flushed();
        IndicatorValues values;
        try
        {
            values = Compute(raiseAlerts: true);
        }
        catch (Exception ex)
        {
            // A delayed flush runs outside any caller that would see this: say it, and rebuild
            // from the store rather than keep showing values that no longer move.
            logger.LogError(ex, "{Area} could not recompute its indicators; it rebuilds from the store", _snapshotId);
            DeactivateOnIdle();
            return;
        }
        _dirty = false;
        var arrived = _eventsArrived;
        _eventsArrived = -1;
        if (_snapshot is not null && IndicatorMath.SameAs(_snapshot.Values, values) && _pendingAlerts.Count == 0) return;
        Publish(values);
        if (arrived >= 0) _metrics?.Published(System.Diagnostics.Stopwatch.GetElapsedTime(arrived));
    }

    private IndicatorValues Compute(bool raiseAlerts)
    {
        var now = clock.Now;
        if (CityClock.HourStart(now) != _snapshot?.Values.HourAnchor) _ledger.Prune(now);
        var result = _ledger.Compute(now);
        if (raiseAlerts)
            foreach (var file in result.TurnedRed) _pendingAlerts.Add(Alert(file, AlertReason.Overdue, file.DueAt ?? now));
        _nextClockChange = result.NextChange;
        WakeAtNextChange();
        return result.Values;
    }

    private void Publish(IndicatorValues values)
    {
        _snapshot = new IndicatorSnapshot(_snapshotId, ++_version, clock.Now, values);
        _parent.Send(_snapshot);
        var publisher = _publisher ??= GrainFactory.GetGrain<IScreenPublisherGrain>(0);
        // The wall never needs the member ids the community counts with.
        if (_isGrid) publisher.PublishAsync(_snapshot with { Values = values with { ServingMembers = [], RosterMembers = [] } });
        foreach (var alert in _pendingAlerts) publisher.AlertAsync(alert);
        _pendingAlerts.Clear();
    }

    private CaseAlert Alert(CaseFile file, AlertReason reason, DateTimeOffset at) => new(
        _isGrid ? _snapshotId : this.GetPrimaryKeyString(), file.CaseId, file.Level, file.Category, file.Title, at, reason, file.Report?.Location);
}
