namespace CityScreen.Simulator;

/// <summary>Durations as UTC ticks, kept to whole milliseconds: the wire format writes no finer, so a time read back equals the one sent.</summary>
internal static class Ticks
{
    public static long Round(long ticks) => ticks - ticks % TimeSpan.TicksPerMillisecond;

    public static long Minutes(double minutes) => Round((long)(minutes * TimeSpan.TicksPerMinute));

    public static long Hours(double hours) => Round((long)(hours * TimeSpan.TicksPerHour));
}
