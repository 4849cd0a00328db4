namespace CityScreen.Rendering.Tests;

public class RenderCacheFacts
{
    [Fact]
    public async Task GetOrRender_twenty_concurrent_callers_render_once()
    {
        var cache = new RenderCache();
        var renders = 0;
        using var gate = new ManualResetEventSlim();
        string Render()
        {
            Interlocked.Increment(ref renders);
            gate.Wait(); // hold the first render open so the other callers pile up behind it
            return "<svg/>";
        }

        var callers = Enumerable.Range(0, 20).Select(_ => Task.Run(() => cache.GetOrRender("street-1", 7, Render))).ToList();
        gate.Set();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, renders);
        Assert.All(results, r => Assert.Equal("<svg/>", r));
    }

    [Fact]
    public void GetOrRender_new_version_renders_again_and_replaces_the_old()
    {
        var cache = new RenderCache();

        cache.GetOrRender("k", 1, () => "v1");
        var second = cache.GetOrRender("k", 2, () => "v2");
        var again = cache.GetOrRender("k", 2, () => throw new InvalidOperationException("must not re-render"));

        Assert.Equal("v2", second);
        Assert.Equal("v2", again);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void GetOrRender_older_version_than_stored_gets_the_newer_picture()
    {
        var cache = new RenderCache();
        cache.GetOrRender("k", 5, () => "v5");

        Assert.Equal("v5", cache.GetOrRender("k", 4, () => "v4"));
    }

    [Fact]
    public void GetOrRender_over_capacity_evicts_the_least_recently_used_key()
    {
        var cache = new RenderCache(capacity: 3);
        cache.GetOrRender("a", 1, () => "a");
        cache.GetOrRender("b", 1, () => "b");
        cache.GetOrRender("c", 1, () => "c");
        cache.GetOrRender("a", 1, () => "a"); // a is now the most recently used

        cache.GetOrRender("d", 1, () => "d");

        Assert.Equal(3, cache.Count);
        var rerendered = new List<string>();
        cache.GetOrRender("a", 1, () => { rerendered.Add("a"); return "a"; });
        cache.GetOrRender("b", 1, () => { rerendered.Add("b"); return "b"; });
        Assert.Equal(["b"], rerendered);
    }

    [Fact]
    public void GetOrRender_when_render_throws_the_next_call_retries()
    {
        var cache = new RenderCache();

        Assert.Throws<InvalidOperationException>(() => cache.GetOrRender("k", 1, () => throw new InvalidOperationException()));
        Assert.Equal("ok", cache.GetOrRender("k", 1, () => "ok"));
    }

    [Fact]
    public void Ctor_throws_an_exception_when_capacity_is_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RenderCache(0));
    }
}
