namespace CityScreen.Domain.Time;

/// <summary>
/// The city's notion of now and of local days (docs/architecture.md, rule 7). Kept apart from the
/// <see cref="TimeProvider"/> registered for Orleans itself, so tests can move the city's clock
/// without moving the silo's own timers and membership.
/// </summary>
public sealed class CityClock(TimeProvider time, TimeZoneInfo zone)
{
    public const string DefaultZone = "Asia/Shanghai";

    public TimeProvider Time { get; } = time;
    public TimeZoneInfo Zone { get; } = zone;

    public static CityClock System(string zoneId = DefaultZone) => new(TimeProvider.System, FindZone(zoneId));

    public static TimeZoneInfo FindZone(string zoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)
            ? zone
            : throw new ArgumentException($"time zone '{zoneId}' is not known on this machine", nameof(zoneId));

    public DateTimeOffset Now => Time.GetUtcNow();

    public DateTimeOffset ToLocal(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone);

    public DateOnly LocalDate(DateTimeOffset t) => DateOnly.FromDateTime(ToLocal(t).DateTime);

    /// <summary>The instant local midnight starts <paramref name="date"/>.</summary>
    public DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public DateTimeOffset StartOfToday(DateTimeOffset now) => StartOfDay(LocalDate(now));

    public DateTimeOffset StartOfYear(DateTimeOffset now) => StartOfDay(new DateOnly(LocalDate(now).Year, 1, 1));

    /// <summary>The start of the clock hour containing <paramref name="t"/> (UTC; zones here have whole-hour offsets).</summary>
    public static DateTimeOffset HourStart(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
