using System.Diagnostics;
using CityScreen.Areas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityScreen.Benchmarks;

/// <summary>
/// What one wall costs its browser: the demo host (simulator on, an hour of history) and one
/// 1080p wall (/screen) in Debian's headless Chromium; the CPU time of the Chromium processes this
/// benchmark started, over 60 s with only the simulator, then over 60 s while events are posted at
/// 100 per second. Only this run's browser is counted (the processes below this one), so other
/// browsers on a shared machine do not enter the figure; their load still slows this one.
/// </summary>
public static class WallBrowserCpu
{
    private const string Chromium = "/usr/bin/chromium";
    private const int Rate = 100;

    public static async Task RunAsync(BenchmarkOptions o, Figures figures)
    {
        var window = TimeSpan.FromSeconds(o.Quick ? 5 : 60);
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing: apt-get install chromium (scripts/test.sh does)");

        await using var host = new BenchmarkHost();
        await host.StartAsync(
            "--CityScreen:Simulator:Enabled", "true",
            "--CityScreen:Simulator:Seed", "7",
            "--CityScreen:Simulator:HistoryToBackfill", "01:00:00",
            // The posted events' critical cases would take the wall over to a grid page.
            "--CityScreen:Wall:Takeover", "false");
        var tree = host.Services.GetRequiredService<AreaTree>();
        using var http = host.Client();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync(new Uri(host.BaseAddress, "/screen").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 120_000 });
        await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector(\"[data-indicator='EV01']\")", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        // The first renders after the circuit opens are start-up, not the wall's running cost.
        await Task.Delay(TimeSpan.FromSeconds(o.Quick ? 2 : 15));

        const string scenario = "one 1080p wall (/screen), demo simulator on";
        figures.Add(scenario, "Chromium CPU, no posted events", Share(await CpuOverAsync(window, () => Task.Delay(window))), "% of a core");

        var events = EventStream.Make(tree, (int)(Rate * window.TotalSeconds), DateTimeOffset.UtcNow.AddSeconds(-5), window, seed: 19);
        var load = new PacedLoad(events, Rate, DateOnly.FromDateTime(DateTime.UtcNow));
        figures.Add(scenario, $"Chromium CPU, {Rate} events/s posted", Share(await CpuOverAsync(window, () =>
            load.SendAsync(slice => ScreenLatency.PostAsync(http, slice), CancellationToken.None))), "% of a core");

        // A figure of a wall that broke says nothing: its map must be drawn and its console clean.
        if (await page.Locator("#wall-map svg .area").CountAsync() == 0) throw new InvalidOperationException("the wall's map has no areas");
        if (errors.Count > 0) throw new InvalidOperationException("the wall's console has errors: " + string.Join(" | ", errors));

        double Share((TimeSpan Cpu, TimeSpan Wall) run) => run.Cpu.TotalSeconds / run.Wall.TotalSeconds * 100;
    }

    private static async Task<(TimeSpan Cpu, TimeSpan Wall)> CpuOverAsync(TimeSpan atLeast, Func<Task> during)
    {
        var before = BrowserCpu();
        var watch = Stopwatch.StartNew();
        await during();
        if (watch.Elapsed < atLeast) await Task.Delay(atLeast - watch.Elapsed);
        return (BrowserCpu() - before, watch.Elapsed);
    }

    /// <summary>CPU used so far by the Chromium processes below this one (Playwright's driver starts them).</summary>
    private static TimeSpan BrowserCpu() => ProcessMeter.Cpu(ProcessMeter.Tree(Environment.ProcessId).Where(IsChromium));

    private static bool IsChromium(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").StartsWith("chrom", StringComparison.Ordinal); }
        catch (IOException) { return false; }
    }
}
