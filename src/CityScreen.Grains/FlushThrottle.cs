using System.Diagnostics;

namespace CityScreen.Grains;

/// <summary>
/// Leading-edge throttle for publishing: the first change after a quiet spell goes out at once
/// (lowest latency), later changes within <see cref="Interval"/> are coalesced into one flush
/// when the timer fires. Used only inside a grain turn, so it needs no locking.
/// </summary>
internal sealed class FlushThrottle(TimeSpan interval)
{
    private long _lastFlush = -1;
    private bool _scheduled;

    public TimeSpan Interval { get; } = interval;

    /// <summary>True when the caller should flush now; otherwise a delay after which to flush, or null if one is already scheduled.</summary>
    public (bool Now, TimeSpan? Delay) Request()
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
    }
}
