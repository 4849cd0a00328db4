using System.Diagnostics;
using CityScreen.Areas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityScreen.Benchmarks;

/// <summary>
/// Where one wall's browser CPU goes under load (<c>wallparts</c>): the same demo host and 1080p city
/// wall as <see cref="WallBrowserCpu"/> while 1,000 events/s are posted, and the page's motion and
/// parts taken away one at a time by a style sheet, in windows interleaved over the same minutes, so
/// that each part's share is the difference to the windows around it. Prints the Chromium CPU of
/// each window and what the map held then.
/// </summary>
public static class WallCpuParts
{
    private static readonly (string Name, string? Css)[] Variants =
    [
        ("as shipped", null),
        ("no new-case rings", ".map-markers .ring { display: none !important; }"),
        ("no alarm rings", ".alarm-rings { display: none !important; }"),
        ("alarm rings, no glow", ".alarm-rings i { box-shadow: none !important; }"),
        ("alarm layer still", ".alarm-rings { animation: none !important; }"),
        ("no map", "#wall-map { visibility: hidden !important; }"),
        ("no flips", ".flip .digit { animation: none !important; }"),
        ("no animation at all", "*, *::before, *::after { animation: none !important; transition: none !important; }"),
    ];

    private const string Census = """
        () => JSON.stringify({
          rings: document.querySelectorAll('.map-markers .ring').length,
          markers: document.querySelectorAll('.map-markers .marker').length,
          alarms: document.querySelectorAll('.alarm-rings i').length,
          digits: document.querySelectorAll('.flip .digit:not(.still)').length })
        """;

    public static async Task<int> RunAsync(BenchmarkOptions o, string[] args)
    {
        var window = TimeSpan.FromSeconds(o.Quick ? 3 : 8);
        var rounds = o.Quick ? 1 : 2;
        var rate = o.Quick ? 100 : 1_000;
        var path = args.Contains("--4k") ? "/screen?layout=city-wall-4k" : "/screen";
        var (width, height) = args.Contains("--4k") ? (3840, 2160) : (1920, 1080);
        var idle = args.Contains("--idle");
        await using var host = new BenchmarkHost();
        await WallBrowserCpu.StartDemoAsync(host);
        var tree = host.Services.GetRequiredService<AreaTree>();
        using var http = host.Client();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await WallBrowserCpu.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        await page.GotoAsync(new Uri(host.BaseAddress, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 120_000 });
        await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector(\"[data-indicator='EV01']\")", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        await Task.Delay(TimeSpan.FromSeconds(o.Quick ? 2 : 10));
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");

        var span = window * (Variants.Length * rounds + 2);
        using var stop = new CancellationTokenSource();
        Task sending = Task.CompletedTask;
        if (!idle)
        {
            var events = EventStream.Make(tree, (int)(rate * span.TotalSeconds), DateTimeOffset.UtcNow.AddSeconds(-5), span, seed: 23);
            var load = new PacedLoad(events, rate, DateOnly.FromDateTime(DateTime.UtcNow));
            sending = load.SendAsync(slice => ScreenLatency.PostAsync(http, slice), stop.Token);
            await Task.Delay(window);  // the map and the lists fill first
        }
        Console.WriteLine($"## wallparts {path} {(idle ? "idle" : $"{rate} events/s")}, {DateTimeOffset.UtcNow:u}");
        var totals = Variants.ToDictionary(v => v.Name, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
            foreach (var (name, css) in Variants)
            {
                IElementHandle? style = css is null ? null : await page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = css });
                await Task.Delay(TimeSpan.FromSeconds(1));  // the change itself is not the part's running cost
                var before = WallBrowserCpu.BrowserCpu();
                var kinds = CpuByKind();
                var metrics = await MetricsAsync(cdp);
                var watch = Stopwatch.StartNew();
                await Task.Delay(window);
                var share = (WallBrowserCpu.BrowserCpu() - before).TotalSeconds / watch.Elapsed.TotalSeconds * 100;
                var seconds = watch.Elapsed.TotalSeconds;
                var byKind = string.Join(" ", CpuByKind().Select(k => $"{k.Key} {(k.Value - kinds.GetValueOrDefault(k.Key)).TotalSeconds / seconds * 100:0.0}"));
                var after = await MetricsAsync(cdp);
                string Per(string m) => ((after.GetValueOrDefault(m) - metrics.GetValueOrDefault(m)) / seconds * (m.EndsWith("Duration", StringComparison.Ordinal) ? 1000 : 1)).ToString("0.#");
                var main = $"main thread ms/s: task {Per("TaskDuration")} script {Per("ScriptDuration")} style {Per("RecalcStyleDuration")} layout {Per("LayoutDuration")}; layouts/s {Per("LayoutCount")} styles/s {Per("RecalcStyleCount")}";
                var census = await page.EvaluateAsync<string>(Census) + "  " + byKind + "  " + main;
                if (style is not null) await style.EvaluateAsync("e => e.remove()");
                totals[name].Add(share);
                Console.WriteLine($"{name,-22} {share,6:0.0} % of a core   {census}");
            }
        // What the wall looked like under the load, to be looked at (in the working directory).
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"wallparts-{width}.png" });
        foreach (var (name, shares) in totals) Console.WriteLine($"{name,-22} mean {shares.Average(),6:0.0} %  ({string.Join(" / ", shares.Select(s => s.ToString("0.0")))})");
        await stop.CancelAsync();
        try { await sending; } catch (OperationCanceledException) { }
        return 0;
    }

    private static async Task<Dictionary<string, double>> MetricsAsync(ICDPSession cdp)
    {
        var answer = await cdp.SendAsync("Performance.getMetrics");
        return answer!.Value.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
    }

    /// <summary>CPU of this run's Chromium processes by kind (renderer, gpu-process, the browser, utilities).</summary>
    private static Dictionary<string, TimeSpan> CpuByKind() =>
        ProcessMeter.Tree(Environment.ProcessId).Where(p => { try { return File.ReadAllText($"/proc/{p}/comm").StartsWith("chrom", StringComparison.Ordinal); } catch (IOException) { return false; } })
            .GroupBy(Kind).ToDictionary(g => g.Key, g => ProcessMeter.Cpu(g));

    private static string Kind(int pid)
    {
        try
        {
            var type = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0').FirstOrDefault(a => a.StartsWith("--type=", StringComparison.Ordinal));
            return type is null ? "browser" : type["--type=".Length..];
        }
        catch (IOException) { return "gone"; }
    }
}
