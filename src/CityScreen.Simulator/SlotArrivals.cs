namespace CityScreen.Simulator;

/// <summary>
/// The arrivals of one stream in one minute: a Poisson process (exponential gaps) at the minute's rate.
/// Restarting the process at each minute is exact (it has no memory) and keys the minute's draws by the
/// minute itself, so its arrivals are the same whenever the simulator was started.
/// </summary>
internal struct SlotArrivals(int seed, long slot, ArrivalStream stream, double ratePerSecond)
{
    public const long Length = TimeSpan.TicksPerMinute;

    /// <summary>The minute's stream, also used to draw what each arrival is.</summary>
    public RandomStream Random = RandomStream.For(seed, slot, 1000 + (int)stream);

    private double _seconds;

    public readonly long Start => slot * Length;

    public bool Next(out long ticks)
    {
        ticks = 0;
        if (ratePerSecond <= 0) return false;
        _seconds += Random.Exponential(ratePerSecond);
        if (_seconds >= Length / (double)TimeSpan.TicksPerSecond) return false;
        ticks = Ticks.Round(Start + (long)(_seconds * TimeSpan.TicksPerSecond));
        return true;
    }
}

internal enum ArrivalStream
{
    Cases,
    Service,
    Projects,
    Meetings,
    /// <summary>The service sites' hourly tallies (drawn per site, not as arrivals).</summary>
    Sites,
}
