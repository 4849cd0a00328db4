using System.Globalization;
using System.Text.Json;
using CityScreen.Domain.Departments;

namespace CityScreen.Domain.Time;

/// <summary>
/// Working hours (工作时) for time limits given as <c>limitHours</c> with <c>limitKind: working</c>:
/// 08:30–12:00 and 14:00–18:00 local on workdays. A workday is a Monday–Friday that is not a day off
/// (法定节假日 and the days around them), or a Saturday or Sunday worked instead (调休), as listed per
/// year in <c>seed-data/holidays.json</c>. Years the file does not list count Monday–Friday only.
/// </summary>
public sealed class WorkingCalendar(TimeZoneInfo zone, IEnumerable<DateOnly> daysOff, IEnumerable<DateOnly> workdays)
{
    /// <summary>The working periods of a workday, local time.</summary>
    public static readonly IReadOnlyList<(TimeOnly From, TimeOnly To)> Periods =
        [(new TimeOnly(8, 30), new TimeOnly(12, 0)), (new TimeOnly(14, 0), new TimeOnly(18, 0))];

    /// <summary>No holidays: Monday to Friday, in the default zone.</summary>
    public static readonly WorkingCalendar WeekdaysOnly = new(CityClock.FindZone(CityClock.DefaultZone), [], []);

    private readonly HashSet<DateOnly> _daysOff = [.. daysOff];
    private readonly HashSet<DateOnly> _workdays = [.. workdays];

    public TimeZoneInfo Zone { get; } = zone;

    public bool IsWorkday(DateOnly day) =>
        _workdays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_daysOff.Contains(day));

    /// <summary>
    /// The instant <paramref name="hours"/> working hours after <paramref name="start"/>; time outside
    /// the working periods does not count. A limit running out exactly at a period's end ends there.
    /// </summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, double hours)
    {
        var left = TimeSpan.FromHours(hours);
        var local = TimeZoneInfo.ConvertTime(start, Zone).DateTime;
        var day = DateOnly.FromDateTime(local);
        var from = TimeOnly.FromDateTime(local);
        // At most ~4.6 years of workdays for the parser's 8,760 hours; the loop ends long before that.
        while (true)
        {
            if (IsWorkday(day))
            {
                foreach (var (open, close) in Periods)
                {
                    var begin = from > open ? from : open;
                    if (begin >= close) continue;
                    var available = close - begin;
                    if (left <= available) return Instant(day, begin.Add(left));
                    left -= available;
                }
            }
            day = day.AddDays(1);
            from = TimeOnly.MinValue;
        }
    }

    private DateTimeOffset Instant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>Reads and checks <c>holidays.json</c>: <c>{"years": {"2026": {"holidays": [dates], "workdays": [dates]}}}</c>.</summary>
    public static WorkingCalendar Load(string path, TimeZoneInfo zone)
    {
        using var document = ReferenceDataFile.Read(path);
        return Read(document, Path.GetFileName(path), zone);
    }

    /// <summary>The same from an open file (the simulator's built-in copy), <paramref name="name"/> naming it in errors.</summary>
    public static WorkingCalendar Read(Stream json, string name, TimeZoneInfo zone)
    {
        using var document = ReferenceDataFile.Read(json, name);
        return Read(document, name, zone);
    }

    private static WorkingCalendar Read(JsonDocument document, string name, TimeZoneInfo zone)
    {
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("years", out var years) || years.ValueKind != JsonValueKind.Object)
            throw new ReferenceDataException(name, "years", "must be an object of years");
        var off = new List<DateOnly>();
        var worked = new List<DateOnly>();
        foreach (var year in years.EnumerateObject())
        {
            var at = $"years.{year.Name}";
            if (!int.TryParse(year.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
                throw new ReferenceDataException(name, at, "must be a year (e.g. 2026)");
            if (year.Value.ValueKind != JsonValueKind.Object) throw new ReferenceDataException(name, at, "must be an object");
            off.AddRange(Dates(year.Value, name, at, "holidays", y));
            worked.AddRange(Dates(year.Value, name, at, "workdays", y));
        }
        if (off.Intersect(worked).ToList() is [var both, ..])
            throw new ReferenceDataException(name, $"years.{both.Year}", $"lists {both:yyyy-MM-dd} both as a holiday and as a workday");
        return new WorkingCalendar(zone, off, worked);
    }

    private static List<DateOnly> Dates(JsonElement year, string file, string at, string field, int y)
    {
        if (!year.TryGetProperty(field, out var list) || list.ValueKind != JsonValueKind.Array)
            throw new ReferenceDataException(file, $"{at}.{field}", "must be an array of dates (yyyy-MM-dd)");
        var dates = new List<DateOnly>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var here = $"{at}.{field}[{i++}]";
            if (item.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(item.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new ReferenceDataException(file, here, "must be a date (yyyy-MM-dd)");
            if (d.Year != y) throw new ReferenceDataException(file, here, $"{d:yyyy-MM-dd} is not in {y}");
            dates.Add(d);
        }
        return dates;
    }
}
