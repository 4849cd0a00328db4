using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CityScreen.Benchmarks;

/// <summary>
/// One SignalR client of /hubs/screen as the latency scenarios see it: the last EV01 (今日上报) it
/// was sent for its area, and the watcher (if any) that turns each value it sees into latencies.
/// A host's screens (<see cref="HubScreens"/>) and a cluster's (<see cref="ClusterScreens"/>) differ
/// only in how they connect.
/// </summary>
public abstract class Ev01Screen(string areaId)
{
    public double LastValue { get; private set; } = double.NaN;
    public PacedLoad.Watcher? Watcher { get; set; }

    /// <summary>Starts <paramref name="connection"/> subscribed to the area, remembering its EV01 from every <c>indicators</c> message, timed on arrival.</summary>
    protected async Task StartAsync(HubConnection connection)
    {
        Listen(connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", areaId);
    }

    private void Listen(HubConnection connection) => connection.On<JsonElement>("indicators", m =>
    {
        var at = Stopwatch.GetTimestamp();
        if (m.GetProperty("areaId").GetString() != areaId) return;
        var value = m.GetProperty("values").GetProperty("EV01").GetDouble();
        LastValue = value;
        Watcher?.Saw(value, at);
    });

    /// <summary>The EV01 every screen agrees on once the host or cluster is quiet; one that does not settle within <paramref name="limit"/> fails the run.</summary>
    public static async Task<double> SettledValueAsync(IReadOnlyCollection<Ev01Screen> screens, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var values = screens.Select(s => s.LastValue).Distinct().ToList();
            if (values.Count == 1 && !double.IsNaN(values[0])) return values[0];
            if (deadline.Elapsed > limit)
                throw new TimeoutException($"the screens did not agree on EV01 within {limit.TotalSeconds:0} s: {string.Join(", ", values.Take(5))}");
            await Task.Delay(200);
        }
    }

    /// <summary>Gives every screen a watcher of <paramref name="load"/> counting from <paramref name="baseValue"/>.</summary>
    public static List<PacedLoad.Watcher> Watch(IEnumerable<Ev01Screen> screens, PacedLoad load, double baseValue)
    {
        var watchers = new List<PacedLoad.Watcher>();
        foreach (var screen in screens)
        {
            screen.Watcher = load.Watch((long)baseValue);
            watchers.Add(screen.Watcher);
        }
        return watchers;
    }
}
