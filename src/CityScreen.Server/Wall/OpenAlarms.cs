using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Cases;
using CityScreen.Server.Feed;

namespace CityScreen.Server.Wall;

/// <summary>
/// The cases that alarm the wall's map until they are handled: a major or critical case reported, or
/// a case turned red, stays here until its grid says it was resolved, closed or rejected
/// (<see cref="AlertReason.Handled"/>), however long that takes. Alarms are news: a host keeps the
/// ones it heard since it started, at most <see cref="MaxKept"/> (the oldest go first), so a wall left
/// on for weeks keeps a constant memory.
/// </summary>
public sealed class OpenAlarms : IDisposable
{
    public const int MaxKept = 1000;

    private readonly Dictionary<string, CaseAlert> _open = new(StringComparer.Ordinal);
    private readonly IDisposable _watch;

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
                return;
            }
            if (!IsAlarm(alert)) return;
            // A critical case that later turns red stays critical on the map; the newest alarm gives the time.
            var kept = _open.TryGetValue(alert.CaseId, out var known) && known.Level > alert.Level ? alert with { Level = known.Level } : alert;
            _open[alert.CaseId] = kept;
            if (_open.Count > MaxKept) _open.Remove(_open.Values.MinBy(a => a.At)!.CaseId);
        }
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
