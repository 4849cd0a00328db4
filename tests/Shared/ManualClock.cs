namespace CityScreen.Testing;

/// <summary>
/// A clock the test moves by hand: its time stands still until <see cref="Set"/> or
/// <see cref="Advance"/>, and the timers made from it fire only when the test fires them.
/// Safe to read from other threads (grains, a job server).
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;

    /// <summary>The time as last set, in the offset it was given in.</summary>
    public DateTimeOffset Now
    {
        get { lock (_lock) return _now; }
        set => Set(value);
    }

    /// <summary>Every timer made from this clock, in the order they were made.</summary>
    public IReadOnlyList<ManualTimer> Timers
    {
        get { lock (_lock) return _timers.ToList(); }
    }

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public void Set(DateTimeOffset at)
    {
        lock (_lock) _now = at;
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock) _now += by;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(callback, state, dueTime, period);
        lock (_lock) _timers.Add(timer);
        return timer;
    }

    /// <summary>A timer that remembers when it asked to fire, and fires when the test calls <see cref="Fire"/>.</summary>
    public sealed class ManualTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) : ITimer
    {
        public TimeSpan DueTime { get; private set; } = dueTime;
        public TimeSpan Period { get; private set; } = period;
        public bool IsPeriodic => Period > TimeSpan.Zero && Period != Timeout.InfiniteTimeSpan;

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            (DueTime, Period) = (dueTime, period);
            return true;
        }

        public void Dispose() { }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
