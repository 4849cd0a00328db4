using System.Text.Json;

namespace CityScreen.Simulator;

/// <summary>
/// Working-hour time limits (工作时): workdays 08:30–12:00 and 14:00–18:00 local time, where workdays are
/// Monday to Friday less the days off of the holiday file plus its 调休 workdays (seed-data/holidays.json).
/// The simulator needs the due time of a case filed with <c>limitHours</c> to decide when to close it;
/// the server computes the same due time on its side.
/// </summary>
internal sealed class WorkingHours(IReadOnlySet<DateOnly> daysOff, IReadOnlySet<DateOnly> extraWorkdays)
{
    private static readonly (TimeOnly From, TimeOnly To)[] Windows =
        [(new(8, 30), new(12, 0)), (new(14, 0), new(18, 0))];

    public static readonly WorkingHours WeekdaysOnly = new(new HashSet<DateOnly>(), new HashSet<DateOnly>());

    public bool IsWorkday(DateOnly day) =>
        extraWorkdays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !daysOff.Contains(day));

    /// <summary>The local time <paramref name="hours"/> working hours after <paramref name="from"/> (local).</summary>
    public DateTime Add(DateTime from, double hours)
    {
        var left = TimeSpan.FromHours(hours);
        var day = DateOnly.FromDateTime(from);
        var at = TimeOnly.FromDateTime(from);
        // Bounded: a limit is at most weeks long, and no year has more than a few weeks off in a row.
        for (var guard = 0; guard < 3660; guard++, day = day.AddDays(1), at = TimeOnly.MinValue)
        {
            if (!IsWorkday(day)) continue;
            foreach (var (start, end) in Windows)
            {
                if (at >= end) continue;
                var open = at > start ? at : start;
                var span = end - open;
                if (span >= left) return day.ToDateTime(open).Add(left);
                left -= span;
            }
        }
        throw new InvalidOperationException("no workday within ten years");
    }

    /// <summary>Reads <c>years.{year}.holidays</c> and <c>years.{year}.workdays</c>.</summary>
    public static WorkingHours Parse(Stream json, string name)
    {
        using var doc = JsonDocument.Parse(json);
        var off = new HashSet<DateOnly>();
        var work = new HashSet<DateOnly>();
        foreach (var year in doc.RootElement.GetProperty("years").EnumerateObject())
        {
            Read(year, "holidays", off, name);
            Read(year, "workdays", work, name);
        }
        return new WorkingHours(off, work);
    }

    private static void Read(JsonProperty year, string field, HashSet<DateOnly> into, string name)
    {
        if (!year.Value.TryGetProperty(field, out var days)) return;
        foreach (var d in days.EnumerateArray())
        {
            if (!DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", null, System.Globalization.DateTimeStyles.None, out var day))
                throw new InvalidDataException($"{name}: years.{year.Name}.{field}: '{d}' is not a yyyy-MM-dd date");
            into.Add(day);
        }
    }
}
