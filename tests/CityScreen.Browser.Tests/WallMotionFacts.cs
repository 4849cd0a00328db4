using System.Text;
using System.Text.Json;
using CityScreen.Server.Tests;
using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

/// <summary>
/// The wall's motion as a browser runs it: the scrolling boards, the map's rings, and the docs'
/// screenshots of the 1080p and 4K walls. Every motion is a CSS animation, so the facts read the
/// page's own animations (<c>getAnimations()</c>) and wait for their states, never for time.
/// </summary>
[Collection("browser")]
public class WallMotionFacts(BrowserFixture fixture)
{
    private const float Patience = 30_000;

    [Fact]
    public async Task A_new_case_sends_one_ring_from_its_grid_and_a_critical_case_keeps_pulsing_until_it_is_closed()
    {
        const string grid = "610602005003002";
        var page = await fixture.OpenAsync("/screen/610602005");
        var errors = ConsoleErrors(page);
        // What the simulator put on the map before: marked, so that the posted case's ring is told apart.
        await page.EvaluateAsync("() => document.querySelectorAll('.map-markers .ring').forEach(r => r.dataset.before = '1')");
        Assert.Equal(0, await page.Locator("#wall-map [data-pulse-ms]").CountAsync());

        await PostAsync("motion-new-1", grid, "normal", "路灯不亮");

        var ring = page.Locator($".map-markers [data-marker-id='new:{grid}'] .ring:not([data-before])");
        await Assertions.Expect(ring).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = Patience });
        // One short ring of transform and opacity, played once: then the page has no animation left on it.
        var timing = await ring.EvaluateAsync<string[]>(
            "e => { const a = e.getAnimations()[0]; if (!a) return ['done']; const k = a.effect.getKeyframes(); return [a.animationName, String(a.effect.getTiming().iterations), Object.keys(k[0]).filter(p => !['offset', 'easing', 'composite', 'computedOffset'].includes(p)).sort().join(',')]; }");
        if (timing[0] != "done") Assert.Equal(["marker-ring", "1", "opacity,transform"], timing);
        await page.WaitForFunctionAsync("e => e.getAnimations().length === 0", await ring.ElementHandleAsync(), new PageWaitForFunctionOptions { Timeout = Patience });

        await PostAsync("motion-critical-1", grid, "critical", "燃气管道泄漏", "[109.49,36.59]");

        // Its ring stands on the alarms' layer with every other open alarm's; the ring has no animation
        // of its own, the layer has one, repeating until the case is handled: one animation however
        // many alarms are open.
        var alarm = page.Locator(".alarm-rings .marker-critical[data-marker-id='AJ-motion-critical-1:reported']");
        await Assertions.Expect(alarm).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = Patience });
        Assert.Equal(0, await alarm.EvaluateAsync<int>("e => e.getAnimations().length"));
        var layer = await page.Locator(".alarm-rings").EvaluateAsync<string[]>(
            "e => { const a = e.getAnimations(); return [String(a.length), a[0].animationName, String(a[0].effect.getTiming().iterations), Object.keys(a[0].effect.getKeyframes()[0]).filter(p => !['offset', 'easing', 'composite', 'computedOffset'].includes(p)).join(',')]; }");
        Assert.Equal(["1", "alarm-beat", "Infinity", "opacity"], layer);
        // Every open alarm of the map is on the layer, not only the newest few.
        Assert.Equal(await page.Locator(".map-markers .marker-critical, .map-markers .marker-red").CountAsync(), await page.Locator(".alarm-rings i").CountAsync());

        await PostAsync("motion-critical-1-closed", grid, "critical", "燃气管道泄漏", type: "case.closed");

        await Assertions.Expect(alarm).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = Patience });
        Assert.Empty(errors);
    }

    /// <summary>
    /// What a software-rendered wall composites on every frame of a ring, read from Chromium's own
    /// layer tree (DevTools protocol): the markers' layer and the alarms' blinking layer, not a layer per
    /// dot after a moving ring nor one per digit of every counter (what a moving ring and hidden back
    /// faces used to make of them, each costing every frame).
    /// </summary>
    [Fact]
    public async Task A_pulsing_ring_lifts_neither_the_dots_after_it_nor_the_counters_digits_into_layers_of_their_own()
    {
        var page = await fixture.OpenAsync("/screen/610602005");
        var errors = ConsoleErrors(page);
        await PostAsync("layers-critical-1", "610602005003002", "critical", "燃气管道泄漏", "[109.49,36.59]");
        var alarm = page.Locator(".alarm-rings [data-marker-id='AJ-layers-critical-1:reported']");
        await Assertions.Expect(alarm).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = Patience });
        await page.WaitForFunctionAsync("() => document.querySelector('.alarm-rings').getAnimations().length > 0", null, new PageWaitForFunctionOptions { Timeout = Patience });
        // A digit that is turning is rightly a layer while it turns, and the simulator's counters turn
        // at any moment: the digits are held still for the reading (the rings keep moving).
        await page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = ".flip .digit { animation: none !important; }" });

        var cdp = await page.Context.NewCDPSessionAsync(page);
        var tree = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        cdp.Event("LayerTree.layerTreeDidChange").OnEvent += (_, e) =>
        {
            if (e is { } json && json.TryGetProperty("layers", out var layers)) tree.TrySetResult(layers.Clone());
        };
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("LayerTree.enable");
        var drawn = new List<string>();
        foreach (var layer in (await tree.Task.WaitAsync(TimeSpan.FromSeconds(30))).EnumerateArray())
        {
            if (!layer.GetProperty("drawsContent").GetBoolean() || !layer.TryGetProperty("backendNodeId", out var node)) continue;
            var described = await cdp.SendAsync("DOM.describeNode", new() { ["backendNodeId"] = node.GetInt32() });
            var attributes = described!.Value.GetProperty("node").TryGetProperty("attributes", out var a) ? a.EnumerateArray().Select(x => x.GetString()).ToList() : [];
            var classes = attributes.IndexOf("class") is var i and >= 0 ? attributes[i + 1] : "";
            drawn.Add($"{described.Value.GetProperty("node").GetProperty("nodeName").GetString()}.{classes}");
        }

        Assert.Contains(drawn, d => d.Contains("map-markers", StringComparison.Ordinal));
        Assert.Contains(drawn, d => d.Contains("alarm-rings", StringComparison.Ordinal));
        Assert.DoesNotContain(drawn, d => d.Contains("dot", StringComparison.Ordinal) || d.Contains("digit", StringComparison.Ordinal) || d.Contains("marker ", StringComparison.Ordinal));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("/screen", 1920, 1080, "wall-1920.png")]
    [InlineData("/screen?layout=city-wall-4k", 3840, 2160, "wall-3840.png")]
    public async Task The_wall_renders_with_markers_and_no_console_error_for_the_docs_screenshot(string path, int width, int height, string file)
    {
        var page = await fixture.Pages.NewAsync(width, height);
        var errors = ConsoleErrors(page);
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('.canvas')");
        // Live: the server-driven clock moves; the simulator's cases are on the map.
        var clock = page.Locator("[data-panel-id='clock'] .clock-time");
        await Assertions.Expect(clock).Not.ToHaveTextAsync(await clock.InnerTextAsync(), new LocatorAssertionsToHaveTextOptions { Timeout = Patience });
        await Assertions.Expect(page.Locator(".map-markers .marker").First).ToBeAttachedAsync(new LocatorAssertionsToBeAttachedOptions { Timeout = Patience });
        await Assertions.Expect(page.Locator(".title-panel h1")).ToContainTextAsync("指挥中心");
        // The circuit's first render replaces the prerendered digits, which then flip in: take the
        // picture once no counter is turning.
        await page.WaitForFunctionAsync("() => !document.getAnimations().some(a => a.animationName === 'flip-in' && a.playState === 'running')",
            null, new PageWaitForFunctionOptions { Timeout = Patience, PollingInterval = 50 });

        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", file) });
        Assert.Empty(errors);
    }

    private static List<string> ConsoleErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") lock (errors) errors.Add(m.Text); };
        page.PageError += (_, e) => { lock (errors) errors.Add(e); };
        return errors;
    }

    private async Task PostAsync(string id, string grid, string level, string title, string? location = null, string type = "case.reported")
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerProcess.ApiKey);
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz");
        var at = location is null ? "" : $",\"location\":{location}";
        var body = type == "case.reported"
            ? $$"""{"id":"{{id}}","type":"case.reported","occurredAt":"{{now}}","gridId":"{{grid}}","source":"test","caseId":"AJ-{{id}}","kind":"event","category":"安全隐患","level":"{{level}}","title":"{{title}}"{{at}}}"""
            : $$"""{"id":"{{id}}","type":"{{type}}","occurredAt":"{{now}}","gridId":"{{grid}}","source":"test","caseId":"AJ-{{id[..id.LastIndexOf('-')]}}"}""";
        (await http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }
}
