using System.Collections.Concurrent;
using System.Text.Json;
using CityScreen.Areas;
using CityScreen.Contracts.Indicators;
using CityScreen.Server.Feed;
using CityScreen.Server.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Hubs;

/// <summary>
/// The hub connections of this host and what each is subscribed to, indexed by area so that an
/// alert reaches its watchers without looking at every connection. Each principal may hold a
/// bounded number of connections and each connection a bounded number of subscriptions
/// (<see cref="ReadLimits"/>).
/// </summary>
public sealed class ScreenSubscriptions : IDisposable
{
    private readonly ConcurrentDictionary<string, ScreenConnection> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ScreenConnection>> _byArea = new(StringComparer.Ordinal);
    private readonly Lock _principalsGate = new();
    private readonly Dictionary<string, int> _principalConnections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _principalOf = new(StringComparer.Ordinal);
    private readonly IOptions<ReadLimits> _limits;
    private readonly ScreenFeed _feed;
    private readonly AreaTree _tree;
    private readonly IHubContext<ScreenHub> _hub;
    private readonly JsonSerializerOptions _hubJson;
    private readonly ILogger<ScreenSubscriptions> _logger;
    private readonly IDisposable _alertWatch;

    public ScreenSubscriptions(ScreenFeed feed, AreaTree tree, IHubContext<ScreenHub> hub, ILogger<ScreenSubscriptions> logger, IOptions<ReadLimits> limits,
        IOptions<JsonHubProtocolOptions> hubJson)
    {
        _hubJson = hubJson.Value.PayloadSerializerOptions;
        _limits = limits;
        _feed = feed;
        _tree = tree;
        _hub = hub;
        _logger = logger;
        _alertWatch = feed.WatchAlerts(OnAlert);
    }

    public int ConnectionCount => _connections.Count;

    /// <summary>Area subscriptions held by this host's connections (for the metrics).</summary>
    public int SubscriptionCount => _byArea.Values.Sum(watchers => watchers.Count);

    /// <summary>Counts a new connection against its principal; false (and nothing counted) beyond the limit.</summary>
    public bool TryConnect(string connectionId, string principal)
    {
        lock (_principalsGate)
        {
            var open = _principalConnections.GetValueOrDefault(principal);
            if (open >= _limits.Value.HubConnectionsPerPrincipal) return false;
            _principalConnections[principal] = open + 1;
            _principalOf[connectionId] = principal;
            return true;
        }
    }

    public async Task SubscribeAsync(string connectionId, string areaId)
    {
        var connection = _connections.GetOrAdd(connectionId, id => new ScreenConnection(id, _hub, _hubJson, _logger));
        var limit = _limits.Value.HubSubscriptionsPerConnection;
        if (!connection.AddSubscription(areaId, limit, () => _feed.Watch(areaId, connection.Offer), out var full))
        {
            if (full) throw new HubException($"A connection may subscribe to at most {limit} areas; unsubscribe from one first.");
            return;
        }
        _byArea.GetOrAdd(areaId, _ => new ConcurrentDictionary<string, ScreenConnection>(StringComparer.Ordinal))[connectionId] = connection;
        connection.Offer(await _feed.GetOrFetchAsync(areaId, fresh: false));
    }

    public void Unsubscribe(string connectionId, string areaId)
    {
        if (!_connections.TryGetValue(connectionId, out var c)) return;
        c.RemoveSubscription(areaId);
        if (_byArea.TryGetValue(areaId, out var watchers)) watchers.TryRemove(connectionId, out _);
    }

    public void Disconnected(string connectionId)
    {
        lock (_principalsGate)
        {
            if (_principalOf.Remove(connectionId, out var principal) && --_principalConnections[principal] == 0)
                _principalConnections.Remove(principal);
        }
        if (!_connections.TryRemove(connectionId, out var c)) return;
        foreach (var areaId in c.AreaIds)
            if (_byArea.TryGetValue(areaId, out var watchers)) watchers.TryRemove(connectionId, out _);
        c.Close();
    }

    public void Dispose() => _alertWatch.Dispose();

    /// <summary>An alert goes to every connection watching its grid or any area above it.</summary>
    private void OnAlert(CaseAlert alert)
    {
        if (!_tree.TryGet(alert.AreaId, out _)) return;
        var reached = new HashSet<ScreenConnection>(ReferenceEqualityComparer.Instance);
        foreach (var areaId in _tree.Ancestors(alert.AreaId).Select(a => a.Id).Prepend(alert.AreaId))
            if (_byArea.TryGetValue(areaId, out var watchers))
                foreach (var c in watchers.Values)
                    if (reached.Add(c)) c.Offer(alert);
    }
}
