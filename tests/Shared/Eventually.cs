using System.Diagnostics;

namespace CityScreen.Testing;

/// <summary>
/// Waits for what another thread, grain or process does, by polling with a bound instead of a fixed
/// sleep: it returns as soon as the condition holds, and fails saying what it waited for and what it
/// last saw. Never use it to wait for something <em>not</em> to happen: wait for a later marker instead.
/// </summary>
public static class Eventually
{
    /// <summary>The bound when the caller gives none.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls until <paramref name="condition"/> holds; its <c>Seen</c> text goes into the failure.</summary>
    public static async Task HoldsAsync(Func<Task<(bool Ok, string Seen)>> condition, TimeSpan? within = null, TimeSpan? every = null)
    {
        var seen = "";
        await WaitAsync(async () => { bool ok; (ok, seen) = await condition(); return ok; }, limit => $"did not hold within {limit}; last seen: {seen}", within, every);
    }

    /// <summary>Polls until <paramref name="condition"/> holds; <paramref name="what"/> says what it waits for.</summary>
    public static Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null, TimeSpan? every = null) =>
        WaitAsync(condition, limit => $"gave up after {limit} waiting for {what}", within, every);

    /// <inheritdoc cref="HoldsAsync(Func{Task{bool}}, string, TimeSpan?, TimeSpan?)"/>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? within = null, TimeSpan? every = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, within, every);

    /// <summary>Polls <paramref name="probe"/> until it finds something, and returns it.</summary>
    public static async Task<T> FoundAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? within = null, TimeSpan? every = null) where T : class
    {
        T? found = null;
        await HoldsAsync(async () => (found = await probe()) is not null, what, within, every);
        return found!;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, Func<string, string> failure, TimeSpan? within, TimeSpan? every)
    {
        var limit = within ?? Limit;
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit) throw new TimeoutException(failure($"{limit.TotalSeconds:F0} s"));
            await Task.Delay(every ?? Every);
        }
    }
}
