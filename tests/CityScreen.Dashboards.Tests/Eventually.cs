using System.Diagnostics;

namespace CityScreen.Dashboards.Tests;

/// <summary>Waits for something another thread does (the file watcher) by polling, with a generous bound instead of a fixed sleep.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static async Task<bool> Until(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Limit) return false;
            await Task.Delay(20);
        }
        return true;
    }
}
