using System.Diagnostics;
using CityScreen.Contracts.Events;

namespace CityScreen.Benchmarks;

/// <summary>
/// A fixed-rate load whose arrival on a screen can be seen: the stream is cut into 100 ms slices
/// sent on a timer, and for each slice the number of cases reported in it (what the city's EV01
/// 今日上报 counts) is added up, so "the screen shows slice k" means "the screen's EV01 reached the
/// total through slice k". Watchers (a SignalR client, a polling screen) report what they saw and
/// turn it into latencies from the slice's send.
/// </summary>
public sealed class PacedLoad
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private readonly long[] _sentAt;
    private int _sent;

    public PacedLoad(IReadOnlyList<CityEvent> events, int eventsPerSecond, DateOnly today)
    {
        var perSlice = Math.Max(1, (int)Math.Round(eventsPerSecond * Tick.TotalSeconds));
        Slices = events.Chunk(perSlice).ToArray();
        Targets = new long[Slices.Length];
        long total = 0;
        for (var i = 0; i < Slices.Length; i++)
        {
            total += Slices[i].Count(e => e.Type == EventTypes.CaseReported && DateOnly.FromDateTime(e.OccurredAt.UtcDateTime) == today);
            Targets[i] = total;
        }
        _sentAt = new long[Slices.Length];
    }

    public CityEvent[][] Slices { get; }

    /// <summary>EV01 of the city (above what it was before the load) once slice k is in.</summary>
    public long[] Targets { get; }

    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Sends slice k at k × 100 ms from now (or at once when behind), without waiting for earlier answers.</summary>
    public async Task SendAsync(Func<CityEvent[], Task> send, CancellationToken cancellationToken)
    {
        var posts = new List<Task>(Slices.Length);
        var clock = Stopwatch.StartNew();
        for (var k = 0; k < Slices.Length; k++)
        {
            var due = Tick * k;
            if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed, cancellationToken);
            _sentAt[k] = Stopwatch.GetTimestamp();
            Volatile.Write(ref _sent, k + 1);
            posts.Add(send(Slices[k]));
        }
        await Task.WhenAll(posts);
    }

    public Watcher Watch(long baseValue) => new(this, baseValue);

    /// <summary>One screen: the latency of every slice with a new report, from its send to the first value that includes it.</summary>
    public sealed class Watcher(PacedLoad load, long baseValue)
    {
        private readonly List<double> _latencies = [];
        private readonly List<int> _slices = [];
        private int _next;
        private double _seen = double.MinValue;

        public IReadOnlyList<double> Latencies => _latencies;

        /// <summary>The slice of each latency (its send time is the slice's index × <see cref="Tick"/> while the load keeps pace).</summary>
        public IReadOnlyList<int> Slices => _slices;

        /// <summary>The highest EV01 this screen was sent.</summary>
        public double Seen
        {
            get { lock (_latencies) return _seen; }
        }

        /// <summary>Whether this screen has shown everything sent.</summary>
        public bool CaughtUp
        {
            get { lock (_latencies) return _seen >= baseValue + load.Targets[^1]; }
        }

        public void Saw(double value, long timestamp)
        {
            lock (_latencies)
            {
                _seen = Math.Max(_seen, value);
                var sent = load.Sent;
                while (_next < sent && baseValue + load.Targets[_next] <= value)
                {
                    var previous = _next == 0 ? 0 : load.Targets[_next - 1];
                    // A slice without a new report cannot be told apart from the one before it.
                    if (load.Targets[_next] > previous)
                    {
                        _latencies.Add(Stopwatch.GetElapsedTime(load._sentAt[_next], timestamp).TotalMilliseconds);
                        _slices.Add(_next);
                    }
                    _next++;
                }
            }
        }
    }
}
