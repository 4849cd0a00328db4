namespace CityScreen.Simulator;

/// <summary>Local hours and dates of the city's zone for instants kept as UTC ticks.</summary>
internal sealed class LocalClock(TimeZoneInfo zone)
{
    public DateTimeOffset ToLocal(long utcTicks) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(utcTicks, TimeSpan.Zero), zone);

    public int Hour(long utcTicks) => ToLocal(utcTicks).Hour;

    public DateOnly Date(long utcTicks) => DateOnly.FromDateTime(ToLocal(utcTicks).DateTime);

    /// <summary>UTC ticks of the local midnight that starts the day containing <paramref name="utcTicks"/>.</summary>
    public long StartOfDay(long utcTicks)
    {
        var midnight = Date(utcTicks).ToDateTime(TimeOnly.MinValue);
        return midnight.Ticks - zone.GetUtcOffset(midnight).Ticks;
    }
}
