using System.Collections.Concurrent;
using CityScreen.Areas;
using CityScreen.Contracts.Grains;
using CityScreen.Contracts.Indicators;
using CityScreen.Grains;

namespace CityScreen.Server.Feed;

/// <summary>
/// This host's view of every area: the newest snapshot per area (latest wins) and the recent
/// alerts, handed over by the grains through <see cref="IScreenFeedObserver"/>. Watchers are told
/// synchronously and must only take note (set a flag, store a value); the sending to browsers
/// happens elsewhere, so one slow screen never holds up the grains or another screen.
/// </summary>
public sealed class ScreenFeed(AreaTree tree, IGrainFactory grains) : IScreenFeedObserver
{
    private const int AlertsKept = 50;

    private readonly ConcurrentDictionary<string, IndicatorSnapshot> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableWatchers> _watchers = new(StringComparer.Ordinal);
    private readonly LinkedList<CaseAlert> _alerts = new();
    private ImmutableWatchers _alertWatchers = ImmutableWatchers.Empty;

    public IReadOnlyList<CaseAlert> RecentAlerts
    {
        get { lock (_alerts) return _alerts.ToList(); }
    }

    public IndicatorSnapshot? Latest(string areaId) => _latest.GetValueOrDefault(areaId);

    /// <summary>The newest snapshot, asking the area's grain when this host has none yet (or a fresher one is wanted).</summary>
    public async Task<IndicatorSnapshot> GetOrFetchAsync(string areaId, CancellationToken cancellationToken = default, bool fresh = true)
    {
        if (!fresh && _latest.TryGetValue(areaId, out var known)) return known;
        var snapshot = await grains.GetSnapshotAsync(tree.Get(areaId)).WaitAsync(cancellationToken);
        Offer(snapshot);
        return _latest.GetValueOrDefault(areaId) ?? snapshot;
    }

    /// <summary>
    /// Asks the grains again for every area this host holds: what they published while the
    /// registry did not know this host never arrived, and a quiet area would stay stale.
    /// </summary>
    public Task RefreshAllAsync(CancellationToken cancellationToken) => RefreshAsync(_latest.Keys.ToList(), cancellationToken);

    /// <summary>
    /// Asks the grains again for every area someone on this host watches. Pushes are one-way: a
    /// batch lost on its way (a publisher activation replaced mid-send) would leave a quiet area's
    /// screens short of its last change for good; asking now and then bounds how long.
    /// </summary>
    public Task RefreshWatchedAsync(CancellationToken cancellationToken) =>
        RefreshAsync(_watchers.Where(w => !w.Value.IsEmpty).Select(w => w.Key).ToList(), cancellationToken);

    private Task RefreshAsync(IReadOnlyList<string> areaIds, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(areaIds, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (areaId, ct) => await GetOrFetchAsync(areaId, ct));

    public IDisposable Watch(string areaId, Action<IndicatorSnapshot> onChange)
    {
        var watcher = new Watcher(s => onChange((IndicatorSnapshot)s));
        _watchers.AddOrUpdate(areaId, _ => ImmutableWatchers.Empty.Add(watcher), (_, w) => w.Add(watcher));
        return new Unsubscriber(() => _watchers.AddOrUpdate(areaId, _ => ImmutableWatchers.Empty, (_, w) => w.Remove(watcher)));
    }

    public IDisposable WatchAlerts(Action<CaseAlert> onAlert)
    {
        var watcher = new Watcher(a => onAlert((CaseAlert)a));
        lock (_alerts) _alertWatchers = _alertWatchers.Add(watcher);
        return new Unsubscriber(() => { lock (_alerts) _alertWatchers = _alertWatchers.Remove(watcher); });
    }

    public Task OnSnapshotsAsync(IndicatorSnapshot[] snapshots)
    {
        foreach (var s in snapshots) Offer(s);
        return Task.CompletedTask;
    }

    public Task OnAlertsAsync(CaseAlert[] alerts)
    {
        foreach (var alert in alerts)
        {
            ImmutableWatchers watchers;
            lock (_alerts)
            {
                // The end of an alarm is for the watchers (the map's markers), not the ticker's list.
                if (alert.Reason != AlertReason.Handled) _alerts.AddFirst(alert);
                while (_alerts.Count > AlertsKept) _alerts.RemoveLast();
                watchers = _alertWatchers;
            }
            watchers.Notify(alert);
        }
        return Task.CompletedTask;
    }

    private void Offer(IndicatorSnapshot s)
    {
        var stored = _latest.AddOrUpdate(s.AreaId, s, (_, known) => known.Version >= s.Version ? known : s);
        if (ReferenceEquals(stored, s) && _watchers.TryGetValue(s.AreaId, out var watchers)) watchers.Notify(s);
    }

    private sealed class Watcher(Action<object> callback)
    {
        public void Invoke(object value) => callback(value);
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }

    /// <summary>Copy-on-write list: notifying never takes a lock.</summary>
    private sealed class ImmutableWatchers(Watcher[] items)
    {
        public static readonly ImmutableWatchers Empty = new([]);

        public bool IsEmpty => items.Length == 0;

        public ImmutableWatchers Add(Watcher w) => new([.. items, w]);

        public ImmutableWatchers Remove(Watcher w) => new(items.Where(x => x != w).ToArray());

        public void Notify(object value)
        {
            foreach (var w in items) w.Invoke(value);
        }
    }
}
