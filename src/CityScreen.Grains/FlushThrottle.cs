using System.Diagnostics;

namespace CityScreen.Grains;

/// <summary>
/// Leading-edge throttle for publishing: the first change after a quiet spell goes out at once
/// (lowest latency), later changes within <see cref="Interval"/> are coalesced into one flush
/// after the rest of the interval. Used only inside a grain turn, so it needs no locking.
/// The delayed flush is a continuation on the grain's own scheduler (never a grain timer that is
/// re-armed with Change: re-arming timers from inside turns stalled activations under load).
/// </summary>
/// <param name="flushed">Told the lag of each flush: from the first request it answers to the flush itself.</param>
internal sealed class FlushThrottle(TimeSpan interval, Action<TimeSpan>? flushed = null)
{
    private long _lastFlush = -1;
    private long _firstRequest = -1;
    private bool _scheduled;

    public TimeSpan Interval { get; } = interval;

    /// <summary>Flushes now, or once after the rest of the interval, however many changes come in between.</summary>
    public void Request(Action flush)
    {
        if (_firstRequest < 0) _firstRequest = Stopwatch.GetTimestamp();
        var (now, delay) = Decide();
        if (now) flush();
        else if (delay is { } d) _ = FlushLaterAsync(d, flush);
    }

    private static async Task FlushLaterAsync(TimeSpan delay, Action flush)
    {
        // Awaited inside a grain turn, the continuation comes back to the grain's scheduler.
        await Task.Delay(delay);
        flush();
    }

    private (bool Now, TimeSpan? Delay) Decide()
    {
        if (_scheduled) return (false, null);
        var elapsed = _lastFlush < 0 ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(_lastFlush);
        if (elapsed >= Interval) return (true, null);
        _scheduled = true;
        return (false, Interval - elapsed);
    }

    public void Flushed()
    {
        _scheduled = false;
        _lastFlush = Stopwatch.GetTimestamp();
        if (_firstRequest >= 0) flushed?.Invoke(Stopwatch.GetElapsedTime(_firstRequest, _lastFlush));
        _firstRequest = -1;
    }
}
