using System.Collections.Immutable;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Grains;
using CityScreen.Contracts.Indicators;
using CityScreen.Grains;
using CityScreen.Domain.Cases;
using CityScreen.Server.Feed;

namespace CityScreen.Server.Wall;

/// <summary>
/// The cases that alarm the wall's map until they are handled: a major or critical case reported, or
/// a case turned red, stays here until its grid says it was resolved, closed or rejected
/// (<see cref="AlertReason.Handled"/>), however long that takes. A starting host first takes the
/// alarms that stand in its grids' rebuilt ledgers (<see cref="RestoreAsync"/>), so a restart shows
/// the same open alarms as before it, then follows the alerts. It keeps at most
/// <see cref="MaxKept"/> (the oldest go first), so a wall left on for weeks keeps a constant memory.
/// </summary>
public sealed class OpenAlarms : IDisposable
{
    public const int MaxKept = 1000;

    private readonly Dictionary<string, CaseAlert> _open = new(StringComparer.Ordinal);
    private readonly IDisposable _watch;
    /// <summary>Cases handled while a restore reads the grids: a standing alarm read before its handling must not come back.</summary>
    private HashSet<string>? _handledWhileRestoring;

    public OpenAlarms(ScreenFeed feed)
    {
        foreach (var known in feed.RecentAlerts.Reverse()) Offer(known);
        _watch = feed.WatchAlerts(Offer);
    }

    /// <summary>Takes note of an alert: an alarm opens (or renews) its case's entry, a handled case leaves.</summary>
    public void Offer(CaseAlert alert)
    {
        lock (_open)
        {
            if (alert.Reason == AlertReason.Handled)
            {
                _open.Remove(alert.CaseId);
                _handledWhileRestoring?.Add(alert.CaseId);
                return;
            }
            if (!IsAlarm(alert)) return;
            // A critical case that later turns red stays critical on the map; the newest alarm gives the time.
            var kept = _open.TryGetValue(alert.CaseId, out var known) && known.Level > alert.Level ? alert with { Level = known.Level } : alert;
            _open[alert.CaseId] = kept;
            TrimOldest();
        }
    }

    /// <summary>
    /// Takes the alarms standing in every grid of <paramref name="tree"/> from their grains (rebuilt
    /// from checkpoints and the store at start). An alert heard meanwhile wins over what the grids
    /// said: an alarm already known is kept as heard, and a case handled meanwhile stays gone.
    /// </summary>
    public async Task RestoreAsync(IGrainFactory grains, AreaTree tree, CancellationToken cancellationToken)
    {
        var handled = new HashSet<string>(StringComparer.Ordinal);
        lock (_open) _handledWhileRestoring = handled;
        var standing = new System.Collections.Concurrent.ConcurrentBag<ImmutableArray<CaseAlert>>();
        try
        {
            await Parallel.ForEachAsync(tree.All.Where(AreaGrainFactory.IsLeaf),
                new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (grid, _) => standing.Add(await grains.GetGrain<IGridGrain>(grid.Id).GetStandingAlarmsAsync()));
        }
        finally
        {
            lock (_open)
            {
                foreach (var alert in standing.SelectMany(a => a))
                    if (IsAlarm(alert) && !handled.Contains(alert.CaseId)) _open.TryAdd(alert.CaseId, alert);
                _handledWhileRestoring = null;
                TrimOldest();
            }
        }
    }

    private void TrimOldest()
    {
        while (_open.Count > MaxKept) _open.Remove(_open.Values.MinBy(a => a.At)!.CaseId);
    }

    /// <summary>The cases alarming now, newest first.</summary>
    public IReadOnlyList<CaseAlert> Open()
    {
        lock (_open) return [.. _open.Values.OrderByDescending(a => a.At)];
    }

    /// <summary>A major or critical case reported, or a case turned red; whistles are news for the ticker only.</summary>
    public static bool IsAlarm(CaseAlert a) =>
        a.Reason == AlertReason.Overdue || (a.Reason == AlertReason.Reported && CaseRules.IsAlarming(a.Level));

    public void Dispose() => _watch.Dispose();
}
