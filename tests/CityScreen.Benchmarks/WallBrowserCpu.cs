using System.Diagnostics;
using CityScreen.Areas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityScreen.Benchmarks;

/// <summary>
/// What one wall costs its browser, and how late it shows what arrives: the demo host (simulator on,
/// an hour of history) and one wall (/screen) in Debian's headless Chromium, first the 1080p city
/// wall, then the 4K one (dashboards/city-wall-4k.json) at 3840×2160. Per wall: the CPU time of the
/// Chromium processes this benchmark started over a window with only the simulator, then over a
/// window while events are posted at 1,000 per second (100 in quick mode); during that window the
/// wall's event→pixel latency is read from the page's DOM (the city's 今日上报, seen changing by a
/// MutationObserver, against each 100 ms slice's send) beside a hub client's on the same stream.
/// Only this run's browser is counted (the processes below this one), so other browsers on a shared
/// machine do not enter the figure; their load still slows this one.
/// </summary>
public static class WallBrowserCpu
{
    internal const string Chromium = "/usr/bin/chromium";

    private static readonly (string Name, string Path, int Width, int Height)[] Walls =
    [
        ("1080p city wall (/screen)", "/screen", 1920, 1080),
        ("4K city wall (/screen?layout=city-wall-4k)", "/screen?layout=city-wall-4k", 3840, 2160),
    ];

    public static async Task RunAsync(BenchmarkOptions o, Figures figures)
    {
        var window = TimeSpan.FromSeconds(o.Quick ? 5 : 30);
        var rate = o.Quick ? 100 : 1_000;
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing: apt-get install chromium (scripts/test.sh does)");

        await using var host = new BenchmarkHost();
        await StartDemoAsync(host);
        var tree = host.Services.GetRequiredService<AreaTree>();
        using var http = host.Client();
        await using var hub = new HubScreens();
        await hub.GrowToAsync(host.BaseAddress, tree.Root.Id, 1);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var seed = 19;
        foreach (var (name, path, width, height) in Walls)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            var errors = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
            await page.GotoAsync(new Uri(host.BaseAddress, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 120_000 });
            await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector(\"[data-indicator='EV01']\")", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
            // The first renders after the circuit opens are start-up, not the wall's running cost.
            await Task.Delay(TimeSpan.FromSeconds(o.Quick ? 2 : 15));

            var scenario = $"one wall's browser, {name}, demo simulator on";
            figures.Add(scenario, "Chromium CPU, no posted events", Share(await CpuOverAsync(window, () => Task.Delay(window))), "% of a core");

            var events = EventStream.Make(tree, (int)(rate * window.TotalSeconds), DateTimeOffset.UtcNow.AddSeconds(-5), window, seed: seed++);
            var load = new PacedLoad(events, rate, DateOnly.FromDateTime(DateTime.UtcNow));
            var baseValue = await hub.SettledValueAsync();
            var hubWatch = hub.Watch(load, baseValue).Single();
            var wallWatch = load.Watch((long)baseValue);
            var watching = await WallDom.StartAsync(page);
            figures.Add(scenario, $"Chromium CPU, {rate:N0} events/s posted", Share(await CpuOverAsync(window, () =>
                load.SendAsync(slice => ScreenLatency.PostAsync(http, slice), CancellationToken.None))), "% of a core");
            await ScreenLatency.WaitCaughtUpAsync([() => hubWatch.CaughtUp]);
            // The wall catches up on its own (bounded): its DOM must show the final count.
            await WallDom.ReadAsync(page, wallWatch, baseValue + load.Targets[^1], watching);
            figures.Add(scenario, $"event → pixel p50, the wall's DOM ({wallWatch.Latencies.Count} slices seen)",
                Figures.Percentile([.. wallWatch.Latencies], 50), "ms");
            figures.Add(scenario, "event → pixel p99, the wall's DOM", Figures.Percentile([.. wallWatch.Latencies], 99), "ms");
            figures.Add(scenario, "event → screen p50, a hub client on the same stream", Figures.Percentile([.. hubWatch.Latencies], 50), "ms");
            figures.Add(scenario, "event → screen p99, a hub client on the same stream", Figures.Percentile([.. hubWatch.Latencies], 99), "ms");

            // A figure of a wall that broke says nothing: its map must be drawn and its console clean.
            if (await page.Locator("#wall-map svg .area").CountAsync() == 0) throw new InvalidOperationException($"{name}: the wall's map has no areas");
            if (errors.Count > 0) throw new InvalidOperationException($"{name}: the wall's console has errors: " + string.Join(" | ", errors));
            await page.CloseAsync();
            figures.Add(scenario, "posted events", events.Count, "events");
        }

        static double Share((TimeSpan Cpu, TimeSpan Wall) run) => run.Cpu.TotalSeconds / run.Wall.TotalSeconds * 100;
    }

    /// <summary>The demo host a wall benchmark watches: the simulator on with an hour of history, takeover off.</summary>
    internal static Task StartDemoAsync(BenchmarkHost host) => host.StartAsync(
        "--CityScreen:Simulator:Enabled", "true",
        "--CityScreen:Simulator:Seed", "7",
        "--CityScreen:Simulator:HistoryToBackfill", "01:00:00",
        // The posted events' critical cases would take the wall over to a grid page.
        "--CityScreen:Wall:Takeover", "false");

    /// <summary>Debian's Chromium as every wall benchmark runs it: headless, software rendering, no background traffic.</summary>
    internal static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"],
    });

    private static async Task<(TimeSpan Cpu, TimeSpan Wall)> CpuOverAsync(TimeSpan atLeast, Func<Task> during)
    {
        var before = BrowserCpu();
        var watch = Stopwatch.StartNew();
        await during();
        if (watch.Elapsed < atLeast) await Task.Delay(atLeast - watch.Elapsed);
        return (BrowserCpu() - before, watch.Elapsed);
    }

    /// <summary>CPU used so far by the Chromium processes below this one (Playwright's driver starts them).</summary>
    internal static TimeSpan BrowserCpu() => ProcessMeter.Cpu(ProcessMeter.Tree(Environment.ProcessId).Where(IsChromium));

    private static bool IsChromium(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").StartsWith("chrom", StringComparison.Ordinal); }
        catch (IOException) { return false; }
    }
}
