using CityScreen.Areas;
using CityScreen.Contracts.Grains;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Time;
using Microsoft.Extensions.Options;

namespace CityScreen.Grains.Aggregates;

/// <summary>
/// An area above the grids: it keeps the newest snapshot of each child and publishes their sum.
/// On activation it asks its children once for their snapshots (they answer without calling
/// back, so there is no cycle); afterwards children push one way.
/// </summary>
public abstract class AggregateGrain(AreaTree tree, CityClock clock, IOptions<GrainOptions> options) : Grain, IAggregateGrain
{
    private readonly Dictionary<string, IndicatorSnapshot> _children = new(StringComparer.Ordinal);
    private Area _area = null!;
    private IAggregateGrain? _parent;
    private long _version;
    private IndicatorSnapshot? _snapshot;
    private FlushThrottle _throttle = null!;
    private IGrainTimer _flushTimer = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _area = tree.Get(this.GetPrimaryKeyString());
        _parent = _area.ParentId is null ? null : GrainFactory.GetAggregate(tree.Get(_area.ParentId));
        _version = Versioning.Start();
        _throttle = new FlushThrottle(options.Value.FlushInterval);
        _flushTimer = this.RegisterGrainTimer(() => { Flush(); return Task.CompletedTask; }, new GrainTimerCreationOptions
        {
            DueTime = Timeout.InfiniteTimeSpan, Period = Timeout.InfiniteTimeSpan,
        });

        var pulls = tree.Children(_area.Id).Select(child => GrainFactory.GetSnapshotAsync(child)).ToList();
        if (_area.Level == AreaLevel.Community)
            pulls.Add(GrainFactory.GetGrain<IGridGrain>(_area.Id).GetSnapshotAsync());
        foreach (var snapshot in await Task.WhenAll(pulls)) Keep(snapshot);
        Flush();
    }

    public Task ReportAsync(IndicatorSnapshot child)
    {
        if (!Keep(child)) return Task.CompletedTask;
        var (now, delay) = _throttle.Request();
        if (now) Flush();
        else if (delay is { } d) _flushTimer.Change(d, Timeout.InfiniteTimeSpan);
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
        if (_snapshot is not null && IndicatorMath.SameAs(_snapshot.Values, values)) return;
        _snapshot = new IndicatorSnapshot(_area.Id, ++_version, now, values);
        _parent?.ReportAsync(_snapshot);
        GrainFactory.GetGrain<IScreenPublisherGrain>(0).PublishAsync(_snapshot);
    }
}
