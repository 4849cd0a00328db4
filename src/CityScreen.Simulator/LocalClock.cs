namespace CityScreen.Simulator;

/// <summary>Local hours and dates of the city's zone for instants kept as UTC ticks.</summary>
internal sealed class LocalClock(TimeZoneInfo zone)
{
    public DateTimeOffset ToLocal(long utcTicks) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(utcTicks, TimeSpan.Zero), zone);

    public int Hour(long utcTicks) => ToLocal(utcTicks).Hour;

    public DateOnly Date(long utcTicks) => DateOnly.FromDateTime(ToLocal(utcTicks).DateTime);

    /// <summary>UTC ticks of a local time of the zone.</summary>
    public long FromLocal(DateTime local) => local.Ticks - zone.GetUtcOffset(local).Ticks;

    /// <summary>UTC ticks of the local midnight that starts the day containing <paramref name="utcTicks"/>.</summary>
    public long StartOfDay(long utcTicks) => FromLocal(Date(utcTicks).ToDateTime(TimeOnly.MinValue));
}
