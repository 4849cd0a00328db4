using CityScreen.Domain.Time;

namespace CityScreen.Jobs.Tests;

/// <summary>Local times in Asia/Shanghai (+08:00), the city's zone.</summary>
internal static class Shanghai
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static CityClock Clock(TimeProvider time) => new(time, CityClock.FindZone("Asia/Shanghai"));

    public static DateTimeOffset At(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, Offset);

    public static DateOnly Day(int month, int day) => new(2026, month, day);
}
