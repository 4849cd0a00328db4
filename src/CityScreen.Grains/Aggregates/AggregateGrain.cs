using CityScreen.Areas;
using CityScreen.Contracts.Grains;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Telemetry;
using CityScreen.Domain.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityScreen.Grains.Aggregates;

/// <summary>
/// An area above the grids: it keeps the newest snapshot of each child and publishes their sum.
/// On activation it asks its children, one way, to push their snapshots again, and asks again those
/// that have not reported until all have (a request can be lost while a host dies); no turn in the
/// tree ever awaits another area grain, so no activation can wait on a cycle (docs/architecture.md, rule 2).
/// </summary>
public abstract class AggregateGrain(AreaTree tree, CityClock clock, IOptions<GrainOptions> options) : Grain, IAggregateGrain
{
    private readonly Dictionary<string, IndicatorSnapshot> _children = new(StringComparer.Ordinal);
    private Area _area = null!;
    private ParentReport _parent = null!;
    /// <summary>Kept: resolving a grain reference formats its interface's type name, on every flush.</summary>
    private IScreenPublisherGrain? _publisher;
    private long _version;
    private int _expectedChildren;
    private IndicatorSnapshot? _snapshot;
    private FlushThrottle _throttle = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _area = tree.Get(this.GetPrimaryKeyString());
        _parent = new(_area.ParentId is null ? null : GrainFactory.GetAggregate(tree.Get(_area.ParentId)), options.Value.ReportRetry);
        _version = Versioning.Start();
        // Looked up rather than injected: clusters built by tests have no metrics, and need none.
        var metrics = ServiceProvider.GetService<CityScreenMetrics>();
        _throttle = new FlushThrottle(options.Value.AggregateFlushInterval, lag => metrics?.Flushed("aggregate", lag));

        var now = clock.Now;
        _expectedChildren = tree.Children(_area.Id).Count + (_area.Level == AreaLevel.Community ? 1 : 0);
        _snapshot = new IndicatorSnapshot(_area.Id, ++_version, now, IndicatorMath.Empty(CityClock.HourStart(now), clock.LocalDate(now)))
        {
            Complete = false,
        };
        _ = AfterActivationAsync();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Asks the children for their snapshots once activation is over (see GridGrain: no calls from
    /// inside OnActivateAsync), and again every <see cref="GrainOptions.ReportRetry"/> those not heard from.
    /// </summary>
    private async Task AfterActivationAsync()
    {
        await Task.Yield();
        while (true)
        {
            foreach (var child in tree.Children(_area.Id))
            {
                if (_children.ContainsKey(child.Id)) continue;
                if (AreaGrainFactory.IsLeaf(child)) _ = GrainFactory.GetGrain<IGridGrain>(child.Id).RepublishAsync();
                else _ = GrainFactory.GetAggregate(child).RepublishAsync();
            }
            var own = _area.Id + AreaGrainFactory.DirectSuffix;
            if (_area.Level == AreaLevel.Community && !_children.ContainsKey(own)) _ = GrainFactory.GetGrain<IGridGrain>(_area.Id).RepublishAsync();
            await Task.Delay(options.Value.ReportRetry);
            if (_children.Count == _expectedChildren) return;
        }
    }

    public Task RepublishAsync()
    {
        if (_snapshot is not null) _parent.Send(_snapshot);
        return Task.CompletedTask;
    }

    public Task ReportAsync(IndicatorSnapshot child)
    {
        if (Keep(child)) _throttle.Request(Flush);
        return Task.CompletedTask;
    }

    public Task<IndicatorSnapshot> GetSnapshotAsync() => Task.FromResult(_snapshot!);

    private bool Keep(IndicatorSnapshot child)
    {
        // One-way messages may overtake each other; the version says which is newer.
        if (_children.TryGetValue(child.AreaId, out var known) && known.Version >= child.Version) return false;
        _children[child.AreaId] = child;
        return true;
    }

    private void Flush()
    {
        _throttle.Flushed();
        var now = clock.Now;
        var children = _children.Values.Select(c => c.Values).ToList();
        var (hour, day) = IndicatorMath.NewestAnchors(children, CityClock.HourStart(now), clock.LocalDate(now));
        var values = IndicatorMath.Sum(children, hour, day);
        // A community's leaves are its grids and its own activities: it counts each member once over them.
        if (_area.Level == AreaLevel.Community) MemberRoster.CountOnce(values.Counters, children);
        var complete = _children.Count == _expectedChildren && _children.Values.All(c => c.Complete);
        if (_snapshot is not null && _snapshot.Complete == complete && IndicatorMath.SameAs(_snapshot.Values, values)) return;
        _snapshot = new IndicatorSnapshot(_area.Id, ++_version, now, values) { Complete = complete };
        _parent.Send(_snapshot);
        (_publisher ??= GrainFactory.GetGrain<IScreenPublisherGrain>(0)).PublishAsync(_snapshot);
    }
}
