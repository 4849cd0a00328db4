namespace CityScreen.Grains.Tests;

/// <summary>
/// Waits for the cluster to settle: grains push one way on short timers, so a condition becomes
/// true shortly after the events. Bounded, and the failure says what was last seen.
/// </summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<(bool Ok, string Seen)>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        var seen = "";
        while (DateTime.UtcNow < deadline)
        {
            bool ok;
            (ok, seen) = await condition();
            if (ok) return;
            await Task.Delay(50);
        }
        Assert.Fail($"did not hold in time; last seen: {seen}");
    }
}
