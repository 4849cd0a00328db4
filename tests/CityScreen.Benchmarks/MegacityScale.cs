using System.Runtime;

namespace CityScreen.Benchmarks;

/// <summary>
/// The host on the megacity tree (20 districts, 300 streets, 5,000 communities, 50,000 grids):
/// the time from start to healthy (every area grain activated and the city's sum complete), the
/// memory that takes per grid (managed heap after a full collection, and resident size, each
/// measured before and after), and the roll-up latency from a POST to the city's screen while a
/// light load of 100 events/s is spread over all grids.
/// </summary>
public static class MegacityScale
{
    public static async Task RunAsync(BenchmarkOptions o, Figures figures)
    {
        using var city = Megacity.Create(o.Quick);
        var scenario = $"megacity, {city.Size.Grids:N0} grids ({city.Tree.Count:N0} areas)";
        var (heapBefore, residentBefore) = Settle();

        await using var host = new BenchmarkHost();
        var start = await host.StartAsync(city.HostArgs());
        figures.Add(scenario, "start to healthy: every area activated, the city complete", start.TotalSeconds, "s");
        var (heapAfter, residentAfter) = Settle();
        figures.Add(scenario, "managed heap per grid (all areas, host total / grids)", (heapAfter - heapBefore) / (double)city.Size.Grids, "bytes");
        figures.Add(scenario, "resident memory per grid (host total / grids)", (residentAfter - residentBefore) / (double)city.Size.Grids, "bytes");
        figures.Add(scenario, "resident memory of the process", residentAfter / 1048576.0, "MiB");

        var duration = TimeSpan.FromSeconds(o.Quick ? 3 : 20);
        using var http = host.Client();
        await using var clients = new HubScreens();
        await clients.GrowToAsync(host.BaseAddress, city.Tree.Root.Id, o.Quick ? 2 : 10);
        var events = EventStream.Make(city.Tree, (int)(100 * duration.TotalSeconds), DateTimeOffset.UtcNow.AddSeconds(-5), duration, seed: 5);
        var run = await ScreenLatency.MeasureAsync(events, 100, http, clients);
        figures.Add(scenario, "roll-up grid → city → hub screen at 100 events/s, p50", run.P50, "ms");
        figures.Add(scenario, "roll-up grid → city → hub screen at 100 events/s, p99", run.P99, "ms");
    }

    private static (long Heap, long Resident) Settle()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return (GC.GetTotalMemory(forceFullCollection: true), ProcessMeter.ResidentBytes());
    }
}
