using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

/// <summary>
/// A ranking board with more rows than it shows scrolls in a CSS loop, and a pointer resting on it
/// pauses it. The facts read the page's own animation (<c>getAnimations()</c>) and wait for its
/// states and frames, never for time.
/// </summary>
[Collection("rotation")]
public class ScrollingBoardFacts(RotationFixture fixture)
{
    private const float Patience = 30_000;

    [Fact]
    public async Task A_board_with_more_rows_than_fit_scrolls_and_a_pointer_on_it_pauses_it()
    {
        // The street's seven communities on a board of three rows.
        var page = await fixture.OpenAsync($"/screen/610602001?layout={RotationFixture.Board}");
        var list = page.Locator("[data-panel-id='ranking'] ol.ranking");
        await Assertions.Expect(list).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bscrolling\\b"), new LocatorAssertionsToHaveClassOptions { Timeout = Patience });
        Assert.True(await list.EvaluateAsync<int>("e => +e.dataset.rows") > 3);
        Assert.Equal("ranking-scroll", await list.EvaluateAsync<string>("e => e.getAnimations()[0]?.animationName"));

        // It moves: the list's offset changes under the window.
        var offset = await list.EvaluateAsync<double>("e => new DOMMatrix(getComputedStyle(e).transform).m42");
        await page.WaitForFunctionAsync("([e, y]) => new DOMMatrix(getComputedStyle(e).transform).m42 !== y",
            new object[] { await list.ElementHandleAsync(), offset }, new PageWaitForFunctionOptions { Timeout = Patience });

        // A pointer on a row pauses it where it is, for as many frames as it rests there.
        var window = (await page.Locator("[data-panel-id='ranking'] .ranking-window").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(window.X + window.Width / 2, window.Y + window.Height / 2);
        await page.WaitForFunctionAsync("e => e.getAnimations()[0].playState === 'paused'", await list.ElementHandleAsync(), new PageWaitForFunctionOptions { Timeout = Patience });
        var held = await list.EvaluateAsync<double[]>(
            "async e => { const a = e.getAnimations()[0]; const t = a.currentTime; for (let i = 0; i < 20; i++) await new Promise(r => requestAnimationFrame(r)); return [t, a.currentTime]; }");
        Assert.Equal(held[0], held[1]);

        // Away from the board it runs on.
        await page.Mouse.MoveAsync(1, 1);
        await page.WaitForFunctionAsync("e => e.getAnimations()[0].playState === 'running'", await list.ElementHandleAsync(), new PageWaitForFunctionOptions { Timeout = Patience });
        await page.WaitForFunctionAsync("([e, t]) => e.getAnimations()[0].currentTime > t",
            new object[] { await list.ElementHandleAsync(), held[1] }, new PageWaitForFunctionOptions { Timeout = Patience });
    }
}
