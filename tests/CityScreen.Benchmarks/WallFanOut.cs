using System.Diagnostics;
using CityScreen.Areas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityScreen.Benchmarks;

/// <summary>
/// Fan-out to open walls: 10, then 50 walls (/screen, Blazor Server circuits) in Debian's headless
/// Chromium driven by Playwright, plus 100 hub screens, at once, while 1,000 events/s arrive.
/// The hub screens give the latency with the walls open; each wall must then show the city's
/// final 今日上报 (bounded wait), and the time from the hub screens showing it until the last wall shows
/// it is reported. CPU per wall is this process (host, load, hub screens) over the run, per wall;
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
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"],
        });
        var pages = new List<IPage>();
        foreach (var count in walls)
        {
            while (pages.Count < count) pages.Add(await OpenWallAsync(browser, host.BaseAddress));
            var events = EventStream.Make(tree, (int)(rate * duration.TotalSeconds), DateTimeOffset.UtcNow.AddSeconds(-5), duration, seed: 9 + count);
            var browsers = ChromiumCpu();
            var browserWatch = Stopwatch.StartNew();
            var run = await ScreenLatency.MeasureAsync(events, rate, http, clients);
            var browserShare = (ChromiumCpu() - browsers).TotalSeconds / browserWatch.Elapsed.TotalSeconds * 100;
            var final = await clients.SettledValueAsync();
            var shown = Stopwatch.StartNew();
            foreach (var page in pages)
                await page.WaitForFunctionAsync(
                    "v => Number((document.querySelector(\"[data-indicator='EV01'] .kpi-value\") ?? document.querySelector(\"[data-indicator='EV01']\"))?.textContent.replace(/[^0-9]/g, '')) >= v",
                    final, new PageWaitForFunctionOptions { Timeout = 60_000 });
            var scenario = $"fan-out, {count} walls + {screens} hub screens, {rate:N0} events/s";
            figures.Add(scenario, "hub screens p50", run.P50, "ms");
            figures.Add(scenario, "hub screens p99", run.P99, "ms");
            figures.Add(scenario, "after the hub screens show the final 今日上报, until every wall does", shown.Elapsed.TotalMilliseconds, "ms");
            figures.Add(scenario, "server CPU per screen (walls + hub screens)", run.CpuPerScreen * screens / (screens + count), "% of a core");
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
