using CityScreen.Contracts.Walls;

namespace CityScreen.Grains.Walls;

/// <summary>
/// The fleet's bookkeeping, apart from the grain so it is tested with a hand-moved clock. A wall is
/// online while its heartbeats arrive (one every <c>few</c> seconds) and turns offline after
/// <see cref="Silence"/> without one, or at once when its circuit closes. An offline wall stays
/// listed for <see cref="Forgotten"/> so a wall that died in the night still shows in the morning.
/// </summary>
public sealed class WallFleet(TimeProvider time)
{
    /// <summary>Three missed heartbeats: well inside the 30 s the fleet view promises.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Forgotten = TimeSpan.FromDays(1);
    private static readonly TimeSpan ReconnectWindow = TimeSpan.FromDays(1);

    private readonly Dictionary<string, Wall> _walls = new(StringComparer.Ordinal);

    private sealed class Wall(WallReport last, DateTimeOffset seen)
    {
        public WallReport Last { get; set; } = last;
        public DateTimeOffset Seen { get; set; } = seen;
        public bool Closed { get; set; }
        public WallCommand? Pending { get; set; }
        public Queue<DateTimeOffset> Reconnects { get; } = new();
    }

    public WallCommand? Heartbeat(WallReport report)
    {
        var now = time.GetUtcNow();
        if (!_walls.TryGetValue(report.WallId, out var wall))
        {
            _walls[report.WallId] = new Wall(report, now);
            return null;
        }
        if (report.CircuitId != wall.Last.CircuitId)
        {
            // A last heartbeat of the circuit a reload replaced does not bring the old one back.
            if (report.ConnectedSince < wall.Last.ConnectedSince && !wall.Closed && now - wall.Seen <= Silence) return null;
            wall.Reconnects.Enqueue(now);   // the page was reloaded (or the browser came back after its circuit expired)
        }
        else if (report.Connects > wall.Last.Connects) wall.Reconnects.Enqueue(now);   // the same circuit's connection came back
        wall.Last = report;
        wall.Seen = now;
        wall.Closed = false;
        var command = wall.Pending;
        wall.Pending = null;
        return command;
    }

    public void Closed(string wallId, string circuitId)
    {
        if (_walls.TryGetValue(wallId, out var wall) && wall.Last.CircuitId == circuitId) wall.Closed = true;
    }

    public IReadOnlyList<WallStatus> List()
    {
        var now = time.GetUtcNow();
        foreach (var (id, wall) in _walls.ToList())
            if (now - wall.Seen > Forgotten) _walls.Remove(id);
        return _walls.Values.Select(w => Status(w, now)).OrderBy(s => s.Last.AreaId, StringComparer.Ordinal).ThenBy(s => s.Last.WallId, StringComparer.Ordinal).ToList();
    }

    public WallStatus? Send(string wallId, WallCommand command)
    {
        if (!_walls.TryGetValue(wallId, out var wall)) return null;
        wall.Pending = command;
        return Status(wall, time.GetUtcNow());
    }

    private static WallStatus Status(Wall wall, DateTimeOffset now)
    {
        while (wall.Reconnects.TryPeek(out var at) && now - at > ReconnectWindow) wall.Reconnects.Dequeue();
        return new WallStatus(wall.Last, wall.Seen, !wall.Closed && now - wall.Seen <= Silence, wall.Reconnects.Count);
    }
}
