using System.Diagnostics;
using CityScreen.Areas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityScreen.Benchmarks;

/// <summary>
/// Fan-out to open walls: 10, then 50 walls (/screen, Blazor Server circuits) in Debian's headless
/// Chromium driven by Playwright, plus 100 hub screens, at once, while 1,000 events/s arrive.
/// The hub screens' latency and each wall's, read from its page's DOM (<see cref="WallDom"/>: the
/// time from a slice's send until the wall's 今日上报 includes it), on the same stream; each wall
/// must show the final count (bounded wait). Server CPU per screen is this process (host, load,
/// hub screens) over the run, per screen;
/// Chromium's own CPU is the browsers', not the server's: it is reported apart.
/// In a command centre every wall has a machine of its own; here the browsers share the host's two
/// cores, so their CPU is measured to say how much of the machine they took.
/// </summary>
public static class WallFanOut
{
    private const string Chromium = "/usr/bin/chromium";

    public static async Task RunAsync(BenchmarkOptions o, Figures figures)
    {
        int[] walls = o.Quick ? [2] : [10, 50];
        var (rate, screens, duration) = o.Quick ? (100, 5, TimeSpan.FromSeconds(3)) : (1_000, 100, TimeSpan.FromSeconds(20));
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing: apt-get install chromium (scripts/test.sh does)");

        await using var host = new BenchmarkHost();
        await host.StartAsync();
        var tree = host.Services.GetRequiredService<AreaTree>();
        using var http = host.Client();
        await using var clients = new HubScreens();
        await clients.GrowToAsync(host.BaseAddress, tree.Root.Id, screens);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await WallBrowserCpu.LaunchAsync(playwright);
        var pages = new List<IPage>();
        foreach (var count in walls)
        {
            while (pages.Count < count) pages.Add(await OpenWallAsync(browser, host.BaseAddress));
            var events = EventStream.Make(tree, (int)(rate * duration.TotalSeconds), DateTimeOffset.UtcNow.AddSeconds(-5), duration, seed: 9 + count);
            var load = new PacedLoad(events, rate, DateOnly.FromDateTime(DateTime.UtcNow));
            var baseValue = await clients.SettledValueAsync();
            var hubWatchers = clients.Watch(load, baseValue);
            var wallWatchers = new List<(IPage Page, PacedLoad.Watcher Watcher, (long, long) Started)>();
            foreach (var page in pages) wallWatchers.Add((page, load.Watch((long)baseValue), await WallDom.StartAsync(page)));

            var (browsers, server) = (ChromiumCpu(), ProcessMeter.OwnCpu());
            var watch = Stopwatch.StartNew();
            await load.SendAsync(slice => ScreenLatency.PostAsync(http, slice), CancellationToken.None);
            await ScreenLatency.WaitCaughtUpAsync(hubWatchers.Select(w => (Func<bool>)(() => w.CaughtUp)).ToList());
            var (browserShare, serverShare) = ((ChromiumCpu() - browsers).TotalSeconds / watch.Elapsed.TotalSeconds * 100, (ProcessMeter.OwnCpu() - server).TotalSeconds / watch.Elapsed.TotalSeconds * 100);
            // Each wall catches up on its own (bounded); its latencies are read from its page.
            foreach (var (page, watcher, started) in wallWatchers)
                await WallDom.ReadAsync(page, watcher, baseValue + load.Targets[^1], started);

            var hubs = hubWatchers.SelectMany(w => w.Latencies).ToList();
            var shown = wallWatchers.SelectMany(w => w.Watcher.Latencies).ToList();
            var scenario = $"fan-out, {count} walls + {screens} hub screens, {rate:N0} events/s";
            figures.Add(scenario, "hub screens event → screen p50", Figures.Percentile(hubs, 50), "ms");
            figures.Add(scenario, "hub screens event → screen p99", Figures.Percentile(hubs, 99), "ms");
            figures.Add(scenario, $"walls event → pixel p50, read from each wall's DOM ({shown.Count} slices seen)", Figures.Percentile(shown, 50), "ms");
            figures.Add(scenario, "walls event → pixel p99, read from each wall's DOM", Figures.Percentile(shown, 99), "ms");
            figures.Add(scenario, "server CPU per screen (walls + hub screens)", serverShare / (screens + count), "% of a core");
            figures.Add(scenario, "Chromium CPU per wall (the browsers, on the same two cores)", browserShare / count, "% of a core");

            // The same walls once the load is over: the run's new cases pulse on their maps, nothing else moves.
            var quiet = TimeSpan.FromSeconds(o.Quick ? 2 : 10);
            var before = ChromiumCpu();
            await Task.Delay(quiet);
            figures.Add(scenario, "Chromium CPU per wall afterwards, no events (markers pulsing)", (ChromiumCpu() - before).TotalSeconds / quiet.TotalSeconds * 100 / count, "% of a core");
        }
    }

    /// <summary>CPU used so far by every Chromium process on the machine (this benchmark's are the only ones).</summary>
    private static TimeSpan ChromiumCpu()
    {
        var pids = Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(d => int.TryParse(d, out _))
            .Where(d => { try { return File.ReadAllText($"/proc/{d}/comm").StartsWith("chrom", StringComparison.Ordinal); } catch (IOException) { return false; } })
            .Select(d => int.Parse(d!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return ProcessMeter.Cpu(pids);
    }

    private static async Task<IPage> OpenWallAsync(IBrowser browser, Uri server)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        await page.GotoAsync(new Uri(server, "/screen").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 120_000 });
        await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector(\"[data-indicator='EV01']\")", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        return page;
    }
}
