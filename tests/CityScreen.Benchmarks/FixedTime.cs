namespace CityScreen.Benchmarks;

/// <summary>A clock that stays at one instant: the nightly run happens "at 02:00" whenever the benchmark runs.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
