using System.Collections.Concurrent;
using CityScreen.Areas;
using CityScreen.Contracts.Indicators;
using CityScreen.Server.Feed;
using Microsoft.AspNetCore.SignalR;

namespace CityScreen.Server.Hubs;

/// <summary>The hub connections of this host and what each is subscribed to.</summary>
public sealed class ScreenSubscriptions : IDisposable
{
    private readonly ConcurrentDictionary<string, ScreenConnection> _connections = new(StringComparer.Ordinal);
    private readonly ScreenFeed _feed;
    private readonly AreaTree _tree;
    private readonly IHubContext<ScreenHub> _hub;
    private readonly ILogger<ScreenSubscriptions> _logger;
    private readonly IDisposable _alertWatch;

    public ScreenSubscriptions(ScreenFeed feed, AreaTree tree, IHubContext<ScreenHub> hub, ILogger<ScreenSubscriptions> logger)
    {
        _feed = feed;
        _tree = tree;
        _hub = hub;
        _logger = logger;
        _alertWatch = feed.WatchAlerts(OnAlert);
    }

    public int ConnectionCount => _connections.Count;

    public async Task SubscribeAsync(string connectionId, string areaId)
    {
        var connection = _connections.GetOrAdd(connectionId, id => new ScreenConnection(id, _hub, _logger));
        if (connection.AddSubscription(areaId, () => _feed.Watch(areaId, connection.Offer)))
            connection.Offer(await _feed.GetOrFetchAsync(areaId, fresh: false));
    }

    public void Unsubscribe(string connectionId, string areaId)
    {
        if (_connections.TryGetValue(connectionId, out var c)) c.RemoveSubscription(areaId);
    }

    public void Disconnected(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var c)) c.Close();
    }

    public void Dispose() => _alertWatch.Dispose();

    /// <summary>An alert goes to every connection watching its grid or any area above it.</summary>
    private void OnAlert(CaseAlert alert)
    {
        if (!_tree.TryGet(alert.AreaId, out _)) return;
        var scope = new HashSet<string>(_tree.Ancestors(alert.AreaId).Select(a => a.Id), StringComparer.Ordinal) { alert.AreaId };
        foreach (var c in _connections.Values)
            if (c.AreaIds.Any(scope.Contains)) c.Offer(alert);
    }
}
