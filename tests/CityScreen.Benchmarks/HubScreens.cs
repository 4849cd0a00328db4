using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CityScreen.Benchmarks;

/// <summary>
/// Many real SignalR clients of /hubs/screen, each subscribed to one area and remembering the last
/// EV01 it was sent, and the watcher (if any) that turns what each sees into latencies.
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
    public async Task<double> SettledValueAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var values = _screens.Select(s => s.LastValue).Distinct().ToList();
            if (values.Count == 1 && !double.IsNaN(values[0])) return values[0];
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
                throw new TimeoutException($"the screens did not agree on EV01 within 60 s: {string.Join(", ", values.Take(5))}");
            await Task.Delay(200);
        }
    }

    public List<PacedLoad.Watcher> Watch(PacedLoad load, double baseValue)
    {
        var watchers = _screens.Select(_ => load.Watch((long)baseValue)).ToList();
        for (var i = 0; i < _screens.Count; i++) _screens[i].Watcher = watchers[i];
        return watchers;
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_screens, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (s, _) => await s.DisposeAsync());
    }

    private sealed class Screen(string areaId) : IAsyncDisposable
    {
        private HubConnection? _connection;

        public double LastValue { get; private set; } = double.NaN;
        public PacedLoad.Watcher? Watcher { get; set; }

        public async Task ConnectAsync(Uri server)
        {
            _connection = new HubConnectionBuilder().WithUrl(new Uri(server, "/hubs/screen")).Build();
            _connection.On<JsonElement>("indicators", m =>
            {
                var at = Stopwatch.GetTimestamp();
                if (m.GetProperty("areaId").GetString() != areaId) return;
                var value = m.GetProperty("values").GetProperty("EV01").GetDouble();
                LastValue = value;
                Watcher?.Saw(value, at);
            });
            await _connection.StartAsync();
            await _connection.InvokeAsync("Subscribe", areaId);
        }

        public async ValueTask DisposeAsync()
        {
            if (_connection is not null) await _connection.DisposeAsync();
        }
    }
}
