using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace CityScreen.Benchmarks;

/// <summary>
/// A wall's event→pixel latency read from its page: every change of the city's 今日上报 in the DOM,
/// seen by a MutationObserver with its time, against each 100 ms slice's send. The DOM is what the
/// page paints next, so a change is seen within a frame of its pixels. What a hub client receives
/// says nothing about when a wall shows it (a starved browser acknowledges render batches late and
/// the circuit waits for it), so a wall's latency is taken from the wall.
/// </summary>
internal static class WallDom
{
    /// <summary>
    /// Run in the page once it is interactive. The whole body is watched (the panel's elements may be
    /// replaced), and the figure read only when something changed.
    /// </summary>
    private const string Watch = """
        () => {
          window.__ev01 = [];
          const read = () => { const kpi = document.querySelector("[data-indicator='EV01'] .kpi-value"); return kpi ? Number((kpi.querySelector('.flip') ?? kpi).textContent.replace(/[^0-9]/g, '')) : NaN; };
          let last = read();
          new MutationObserver(() => { const v = read(); if (v !== last) { last = v; window.__ev01.push([Date.now(), v]); } })
            .observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    /// <summary>Starts watching; the returned pair ties the page's clock (Unix ms) to this process's.</summary>
    public static async Task<(long Clock, long UnixMs)> StartAsync(IPage page)
    {
        await page.EvaluateAsync(Watch);
        return (Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    /// <summary>Waits (bounded) until the page shows at least <paramref name="final"/>, then hands every change it saw to the watcher.</summary>
    public static async Task ReadAsync(IPage page, PacedLoad.Watcher watcher, double final, (long Clock, long UnixMs) started)
    {
        await page.WaitForFunctionAsync("v => window.__ev01.length > 0 && window.__ev01[window.__ev01.length - 1][1] >= v",
            final, new PageWaitForFunctionOptions { Timeout = 60_000 });
        foreach (var seen in JsonSerializer.Deserialize<double[][]>(await page.EvaluateAsync<string>("() => JSON.stringify(window.__ev01)"))!)
            watcher.Saw(seen[1], started.Clock + (long)((seen[0] - started.UnixMs) * Stopwatch.Frequency / 1000));
    }
}
