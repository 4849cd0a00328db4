using System.Text.Json;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Server.Apis;
using Microsoft.AspNetCore.SignalR;

namespace CityScreen.Server.Hubs;

/// <summary>
/// What one hub connection still has to receive: the newest snapshot per subscribed area (a slow
/// client skips the versions it had no time for) and a bounded queue of alerts. One pump per
/// connection sends them, so a slow client only ever slows itself.
/// </summary>
public sealed class ScreenConnection(string connectionId, IHubContext<ScreenHub> hub, JsonSerializerOptions hubJson, ILogger logger)
{
    private const int MaxQueuedAlerts = 100;

    private readonly object _gate = new();
    private readonly Dictionary<string, IndicatorSnapshot> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IDisposable> _subscriptions = new(StringComparer.Ordinal);
    private readonly Queue<CaseAlert> _alerts = new();
    private readonly Dictionary<string, long> _sentVersions = new(StringComparer.Ordinal);
    private bool _pumping;

    public string ConnectionId { get; } = connectionId;

    public IReadOnlyCollection<string> AreaIds
    {
        get { lock (_gate) return _subscriptions.Keys.ToList(); }
    }

    /// <summary>Subscribes once per area; false when already subscribed, or (<paramref name="full"/>) when <paramref name="limit"/> areas are.</summary>
    public bool AddSubscription(string areaId, int limit, Func<IDisposable> subscribe, out bool full)
    {
        lock (_gate)
        {
            full = false;
            if (_subscriptions.ContainsKey(areaId)) return false;
            full = _subscriptions.Count >= limit;
            if (full) return false;
            _subscriptions[areaId] = subscribe();
            return true;
        }
    }

    public void RemoveSubscription(string areaId)
    {
        lock (_gate)
        {
            if (_subscriptions.Remove(areaId, out var s)) s.Dispose();
            _pending.Remove(areaId);
            _sentVersions.Remove(areaId);
        }
    }

    public void Close()
    {
        lock (_gate)
        {
            foreach (var s in _subscriptions.Values) s.Dispose();
            _subscriptions.Clear();
            _pending.Clear();
            _alerts.Clear();
        }
    }

    public void Offer(IndicatorSnapshot snapshot)
    {
        lock (_gate)
        {
            if (!_subscriptions.ContainsKey(snapshot.AreaId)) return;
            if (_sentVersions.TryGetValue(snapshot.AreaId, out var sent) && sent >= snapshot.Version) return;
            if (_pending.TryGetValue(snapshot.AreaId, out var queued) && queued.Version >= snapshot.Version) return;
            _pending[snapshot.AreaId] = snapshot;
            StartPumpLocked();
        }
    }

    public void Offer(CaseAlert alert)
    {
        lock (_gate)
        {
            _alerts.Enqueue(alert);
            while (_alerts.Count > MaxQueuedAlerts) _alerts.Dequeue();
            StartPumpLocked();
        }
    }

    private void StartPumpLocked()
    {
        if (_pumping) return;
        _pumping = true;
        _ = Task.Run(PumpAsync);
    }

    private async Task PumpAsync()
    {
        var client = hub.Clients.Client(ConnectionId);
        while (true)
        {
            IndicatorSnapshot[] snapshots;
            CaseAlert[] alerts;
            lock (_gate)
            {
                if (_pending.Count == 0 && _alerts.Count == 0)
                {
                    _pumping = false;
                    return;
                }
                snapshots = _pending.Values.ToArray();
                _pending.Clear();
                alerts = _alerts.ToArray();
                _alerts.Clear();
                foreach (var s in snapshots) _sentVersions[s.AreaId] = s.Version;
            }
            try
            {
                // Alerts first: they are the urgent part.
                foreach (var a in alerts)
                    await client.SendAsync("alert", new { areaId = a.AreaId, caseId = a.CaseId, level = a.Level.ToJsonName(), category = a.Category, title = a.Title, at = a.At, reason = a.Reason.ToJsonName(), location = a.Location });
                foreach (var s in snapshots)
                    await client.SendAsync("indicators", IndicatorsPayload.For(s, hubJson));
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "Sending to {Connection} failed", ConnectionId);
            }
        }
    }
}
