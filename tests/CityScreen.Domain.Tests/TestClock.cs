using CityScreen.Domain.Time;

namespace CityScreen.Domain.Tests;

internal static class TestClock
{
    public static readonly CityClock Shanghai = new(TimeProvider.System, CityClock.FindZone("Asia/Shanghai"));
}
