using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

/// <summary>
/// The pages of a fixture's browser, one open at a time. A page left open keeps its wall drawing
/// (rings, flips, the clock) and its circuit on the server: over a collection's facts the open walls
/// added up to both cores and starved the bounded waits of the facts after them. A collection's
/// facts run one at a time, so a fact's new page closes the pages the facts before it opened.
/// </summary>
public sealed class OnePageOpen(Func<IBrowser> browser)
{
    private readonly List<IPage> _open = [];

    public async Task<IPage> NewAsync(int width, int height)
    {
        foreach (var earlier in _open.Where(p => !p.IsClosed)) await earlier.CloseAsync();
        _open.Clear();
        var page = await browser().NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        _open.Add(page);
        return page;
    }
}
