using Microsoft.AspNetCore.SignalR.Client;

namespace CityScreen.Benchmarks;

/// <summary>
/// Many real SignalR clients of /hubs/screen on one host, each subscribed to one area (<see cref="Ev01Screen"/>).
/// </summary>
public sealed class HubScreens : IAsyncDisposable
{
    private readonly List<Screen> _screens = [];

    public int Count => _screens.Count;

    /// <summary>Connects screens up to <paramref name="total"/>, a few at a time, each subscribed to <paramref name="areaId"/>.</summary>
    public async Task GrowToAsync(Uri server, string areaId, int total)
    {
        var added = Enumerable.Range(_screens.Count, total - _screens.Count).Select(_ => new Screen(areaId)).ToList();
        await Parallel.ForEachAsync(added, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (s, ct) =>
        {
            await s.ConnectAsync(server);
        });
        _screens.AddRange(added);
    }

    /// <summary>The EV01 every screen agrees on once the host is quiet (bounded: a host that does not settle fails the run).</summary>
    public Task<double> SettledValueAsync() => Ev01Screen.SettledValueAsync(_screens, TimeSpan.FromSeconds(60));

    public List<PacedLoad.Watcher> Watch(PacedLoad load, double baseValue) => Ev01Screen.Watch(_screens, load, baseValue);

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_screens, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (s, _) => await s.DisposeAsync());
    }

    private sealed class Screen(string areaId) : Ev01Screen(areaId), IAsyncDisposable
    {
        private HubConnection? _connection;

        public async Task ConnectAsync(Uri server)
        {
            _connection = new HubConnectionBuilder().WithUrl(new Uri(server, "/hubs/screen")).Build();
            await StartAsync(_connection);
        }

        public async ValueTask DisposeAsync()
        {
            if (_connection is not null) await _connection.DisposeAsync();
        }
    }
}
