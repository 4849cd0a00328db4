using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace CityScreen.Benchmarks;

/// <summary>
/// SignalR clients of /hubs/screen spread over the hosts of a cluster (screen i on host i mod n),
/// each subscribed to one area (<see cref="Ev01Screen"/>). A screen whose host goes
/// away connects to the next host still running and subscribes again, as a wall does.
/// </summary>
public sealed class ClusterScreens(IReadOnlyList<ClusterHost> hosts, string areaId) : IAsyncDisposable
{
    private readonly IReadOnlyList<ClusterHost> _hosts = hosts;
    private readonly string _areaId = areaId;
    private readonly List<Screen> _screens = [];
    private int _reconnects;

    public int Count => _screens.Count;

    /// <summary>Connections made again after a host went away.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    public int ConnectedTo(ClusterHost host) => _screens.Count(s => s.Host == host);

    public async Task ConnectAsync(int total)
    {
        var added = Enumerable.Range(0, total).Select(i => new Screen(this, i % _hosts.Count)).ToList();
        await Parallel.ForEachAsync(added, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (s, _) => await s.ConnectAsync());
        _screens.AddRange(added);
    }

    /// <summary>The EV01 every screen agrees on once the cluster is quiet (bounded).</summary>
    public Task<double> SettledValueAsync() => Ev01Screen.SettledValueAsync(_screens, TimeSpan.FromSeconds(120));

    public List<PacedLoad.Watcher> Watch(PacedLoad load, double baseValue) => Ev01Screen.Watch(_screens, load, baseValue);

    public async ValueTask DisposeAsync()
    {
        foreach (var s in _screens) s.Disposing = true;
        await Parallel.ForEachAsync(_screens, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (s, _) => await s.DisposeAsync());
    }

    private sealed class Screen(ClusterScreens owner, int firstHost) : Ev01Screen(owner._areaId), IAsyncDisposable
    {
        private HubConnection? _connection;
        private int _hostIndex = firstHost;

        public ClusterHost? Host { get; private set; }
        public bool Disposing { get; set; }

        public async Task ConnectAsync()
        {
            Host = owner._hosts[_hostIndex];
            var connection = new HubConnectionBuilder().WithUrl(new Uri(Host.BaseAddress, "/hubs/screen")).Build();
            // Only the screen's current connection moves it (closing an old one is not a host going away).
            connection.Closed += _ => Disposing || !ReferenceEquals(connection, _connection) ? Task.CompletedTask : MoveAsync();
            _connection = connection;
            await StartAsync(connection);
        }

        /// <summary>The host went away: the next one running takes this screen (bounded: two minutes of tries).</summary>
        private async Task MoveAsync()
        {
            var trying = Stopwatch.StartNew();
            while (!Disposing && trying.Elapsed < TimeSpan.FromMinutes(2))
            {
                _hostIndex = (_hostIndex + 1) % owner._hosts.Count;
                if (!owner._hosts[_hostIndex].Running) continue;
                try
                {
                    var old = _connection;
                    _connection = null;
                    if (old is not null) await old.DisposeAsync();
                    await ConnectAsync();
                    Interlocked.Increment(ref owner._reconnects);
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException or TaskCanceledException)
                {
                    await Task.Delay(200);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_connection is not null) await _connection.DisposeAsync();
        }
    }
}
