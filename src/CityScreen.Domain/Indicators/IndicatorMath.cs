using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;

namespace CityScreen.Domain.Indicators;

/// <summary>Creating, summing and re-aligning <see cref="IndicatorValues"/>.</summary>
public static class IndicatorMath
{
    public static readonly int CounterCount = Enum.GetValues<Counter>().Length;

    public static IndicatorValues Empty(DateTimeOffset hourAnchor, DateOnly dayAnchor) => new()
    {
        Counters = new long[CounterCount],
        HourAnchor = hourAnchor,
        DayAnchor = dayAnchor,
        ReportedHourly = new int[IndicatorValues.Hours],
        ClosedHourly = new int[IndicatorValues.Hours],
        ReportedDaily = new int[IndicatorValues.Days],
        ClosedDaily = new int[IndicatorValues.Days],
        CategoriesToday = new int[CaseVocabulary.Categories.Count],
        Categories30 = new int[CaseVocabulary.Categories.Count],
    };

    /// <summary>
    /// The sum of the children. Buckets are aligned on the newest anchors among them: a child
    /// still anchored an hour earlier has its buckets shifted, so nothing is counted in the wrong hour.
    /// </summary>
    public static IndicatorValues Sum(IEnumerable<IndicatorValues> children, DateTimeOffset hourAnchor, DateOnly dayAnchor)
    {
        var sum = Empty(hourAnchor, dayAnchor);
        foreach (var child in children)
        {
            var hourShift = (int)Math.Round((hourAnchor - child.HourAnchor).TotalHours);
            var dayShift = dayAnchor.DayNumber - child.DayAnchor.DayNumber;
            for (var i = 0; i < CounterCount && i < child.Counters.Length; i++)
            {
                if (dayShift != 0 && IsTodayCounter((Counter)i)) continue;
                sum.Counters[i] += child.Counters[i];
            }
            AddShifted(sum.ReportedHourly, child.ReportedHourly, hourShift);
            AddShifted(sum.ClosedHourly, child.ClosedHourly, hourShift);
            AddShifted(sum.ReportedDaily, child.ReportedDaily, dayShift);
            AddShifted(sum.ClosedDaily, child.ClosedDaily, dayShift);
            Add(sum.Categories30, child.Categories30);
            // "Today" from a child still on yesterday is yesterday's: it does not count today.
            if (dayShift == 0) Add(sum.CategoriesToday, child.CategoriesToday);
        }
        return sum;
    }

    /// <summary>The newest anchors among <paramref name="children"/>, or the given defaults when there are none.</summary>
    public static (DateTimeOffset Hour, DateOnly Day) NewestAnchors(IEnumerable<IndicatorValues> children, DateTimeOffset hour, DateOnly day)
    {
        foreach (var c in children)
        {
            if (c.HourAnchor > hour) hour = c.HourAnchor;
            if (c.DayAnchor > day) day = c.DayAnchor;
        }
        return (hour, day);
    }

    /// <summary>True when both hold the same numbers on the same anchors (nothing new to publish).</summary>
    public static bool SameAs(IndicatorValues a, IndicatorValues b) =>
        a.HourAnchor == b.HourAnchor && a.DayAnchor == b.DayAnchor
        && a.Counters.AsSpan().SequenceEqual(b.Counters)
        && a.ReportedHourly.AsSpan().SequenceEqual(b.ReportedHourly)
        && a.ClosedHourly.AsSpan().SequenceEqual(b.ClosedHourly)
        && a.ReportedDaily.AsSpan().SequenceEqual(b.ReportedDaily)
        && a.ClosedDaily.AsSpan().SequenceEqual(b.ClosedDaily)
        && a.CategoriesToday.AsSpan().SequenceEqual(b.CategoriesToday)
        && a.Categories30.AsSpan().SequenceEqual(b.Categories30);

    public static bool IsTodayCounter(Counter c) =>
        c is Counter.ReportedToday or Counter.HotlineToday or Counter.CheckinsToday;

    private static void Add(int[] into, int[] from)
    {
        for (var i = 0; i < into.Length && i < from.Length; i++) into[i] += from[i];
    }

    private static void AddShifted(int[] into, int[] from, int shift)
    {
        // Index Length-1 is the newest bucket; a child `shift` buckets behind lands `shift` earlier.
        for (var i = 0; i < from.Length; i++)
        {
            var j = i - shift;
            if (j >= 0 && j < into.Length) into[j] += from[i];
        }
    }
}
