using System.Text;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Simulator;

namespace CityScreen.Benchmarks;

/// <summary>
/// The simulator's events for a city, made before the clock starts so that making them costs the
/// measured run nothing: a time-ordered list cut into slices or request bodies.
/// </summary>
public static class EventStream
{
    /// <summary>
    /// The most events a stream's warm-up may stand for. The simulator draws every case of its
    /// warm-up (four days by default) and keeps each still open at the start in memory, so the
    /// warm-up's cost grows with the rate: at 10,000 events/s four days are 3.5 billion events
    /// and the open cases alone held 2–20 GB. Capped here, the warm-up is the simulator's whole four
    /// days up to 1,000 events/s and shorter above (11 hours at 10,000). Not lower: a stream whose
    /// warm-up is hours, not days, is a city whose cases have not reached their steady mix yet, and
    /// at 1,000 events/s its p99 event → screen was ten times the steady city's (1.3–1.5 s against
    /// 135–139 ms, same host build, 2026-12-05).
    /// </summary>
    private const double WarmUpEvents = 400_000_000;

    /// <summary><paramref name="count"/> events starting at <paramref name="from"/>, at a rate that gives them within <paramref name="span"/>.</summary>
    public static List<CityEvent> Make(AreaTree tree, int count, DateTimeOffset from, TimeSpan span, int seed)
    {
        var grids = Megacity.Grids(tree);
        var rate = count / span.TotalSeconds;
        var options = new SimulatorOptions
        {
            EventsPerSecond = rate,
            Seed = seed,
            Source = "benchmark",
            FollowTimeOfDay = false,
            // Out-of-order arrival is tested elsewhere; here the stream's order is the send order.
            LateShare = 0,
            TimeZone = "UTC",
        };
        options.WarmUp = TimeSpan.FromSeconds(Math.Min(options.WarmUp.TotalSeconds, WarmUpEvents / rate));
        var simulator = new CitySimulator(grids, options);
        simulator.Start(from);
        var events = new List<CityEvent>(count);
        var step = TimeSpan.FromSeconds(Math.Max(1, span.TotalSeconds / 100));
        for (var at = from + step; events.Count < count && at <= from + 3 * span; at += step)
            events.AddRange(simulator.Advance(at));
        if (events.Count < count) throw new InvalidOperationException($"the simulator made {events.Count} events, not {count}");
        // The simulator numbers cases by day, so two streams of one run would reuse a case id in
        // another grid (refused) and an event id (a duplicate): each stream gets its own.
        return events.GetRange(0, count).Select(e => e with
        {
            Id = $"s{seed}-{e.Id}",
            CaseId = e.CaseId is null ? null : $"S{seed}-{e.CaseId}",
        }).ToList();
    }

    public static byte[] Body(IEnumerable<CityEvent> events) => Encoding.UTF8.GetBytes(CityEventJson.SerializeBatch(events));
}
