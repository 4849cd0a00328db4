using System.Runtime.InteropServices;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.CoBuilding;
using CityScreen.Domain.Ledger;

namespace CityScreen.Domain.Indicators;

/// <summary>Creating, summing and re-aligning <see cref="IndicatorValues"/>.</summary>
public static class IndicatorMath
{
    public static readonly int CounterCount = Enum.GetValues<Counter>().Length;
    public static readonly int DepartmentCounterCount = Enum.GetValues<DepartmentCounter>().Length;

    /// <summary>The counters of <paramref name="department"/> in <paramref name="v"/>, created when it has none yet.</summary>
    public static long[] DepartmentCounters(IndicatorValues v, string department)
    {
        if (!v.Departments.TryGetValue(department, out var counters))
            v.Departments[department] = counters = new long[DepartmentCounterCount];
        return counters;
    }

    /// <summary>Drops the departments whose counters are all zero (a case taken back out of a sum leaves them so).</summary>
    public static void DropEmptyDepartments(IndicatorValues v)
    {
        List<string>? empty = null;
        foreach (var (id, counters) in v.Departments)
            if (Array.TrueForAll(counters, x => x == 0)) (empty ??= []).Add(id);
        if (empty is not null) foreach (var id in empty) v.Departments.Remove(id);
    }

    /// <summary>The newest open whistles of several lists, at most <see cref="OpenWhistle.MaxPerArea"/>.</summary>
    public static OpenWhistle[] NewestWhistles(IEnumerable<OpenWhistle> whistles) =>
        [.. whistles.OrderByDescending(w => w.WhistledAt).ThenBy(w => w.CaseId, StringComparer.Ordinal).Take(OpenWhistle.MaxPerArea)];

    /// <summary>A deep copy: the arrays and the department counters are the copy's own.</summary>
    public static IndicatorValues Copy(IndicatorValues v) => v with
    {
        Counters = (long[])v.Counters.Clone(),
        ReportedHourly = (int[])v.ReportedHourly.Clone(),
        ClosedHourly = (int[])v.ClosedHourly.Clone(),
        ReportedDaily = (int[])v.ReportedDaily.Clone(),
        ClosedDaily = (int[])v.ClosedDaily.Clone(),
        CategoriesToday = (int[])v.CategoriesToday.Clone(),
        Categories30 = (int[])v.Categories30.Clone(),
        Departments = v.Departments.ToDictionary(kv => kv.Key, kv => (long[])kv.Value.Clone()),
        Units = v.Units.ToDictionary(kv => kv.Key, kv => (long[])kv.Value.Clone()),
        UnitNames = new Dictionary<string, string>(v.UnitNames),
        LovePoints = v.LovePoints.ToDictionary(kv => kv.Key, kv => (long[])kv.Value.Clone()),
        LovePointNames = new Dictionary<string, string>(v.LovePointNames),
        SitesServedAt = new Dictionary<string, DateTimeOffset>(v.SitesServedAt),
    };

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
        List<OpenWhistle>? whistles = null;
        foreach (var child in children)
        {
            foreach (var (id, counters) in child.Departments)
            {
                var into = DepartmentCounters(sum, id);
                for (var i = 0; i < into.Length && i < counters.Length; i++) into[i] += counters[i];
            }
            if (child.OpenWhistles.Length > 0) (whistles ??= []).AddRange(child.OpenWhistles);
            // Looked up once per key (a fresh sum adds nearly every key): the units, love points and
            // sites of a whole city are summed on every flush, and hashing their ids led its cost.
            foreach (var (id, counters) in child.Units)
            {
                ref var into = ref CollectionsMarshal.GetValueRefOrAddDefault(sum.Units, id, out _);
                into ??= new long[UnitCounters.Count];
                for (var i = 0; i < into.Length && i < counters.Length; i++) into[i] += counters[i];
            }
            foreach (var (id, name) in child.UnitNames) sum.UnitNames.TryAdd(id, name);
            foreach (var (id, counters) in child.LovePoints)
            {
                ref var into = ref CollectionsMarshal.GetValueRefOrAddDefault(sum.LovePoints, id, out _);
                into ??= new long[LovePointCounters.Count];
                for (var i = 0; i < into.Length && i < counters.Length; i++) into[i] += counters[i];
            }
            foreach (var (id, name) in child.LovePointNames) sum.LovePointNames.TryAdd(id, name);
            foreach (var (site, at) in child.SitesServedAt)
            {
                ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(sum.SitesServedAt, site, out var exists);
                if (!exists || known < at) known = at;
            }
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
        if (sum.LovePoints.Count > LovePointCounters.Kept)
        {
            var top = LovePointsBoard.Top(sum.LovePoints);
            sum = sum with { LovePoints = top, LovePointNames = top.Keys.ToDictionary(p => p, p => sum.LovePointNames.GetValueOrDefault(p, PersonName.Unnamed), StringComparer.Ordinal) };
        }
        return whistles is null ? sum : sum with { OpenWhistles = NewestWhistles(whistles) };
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
        && a.Categories30.AsSpan().SequenceEqual(b.Categories30)
        && SameKeyedCounters(a.Departments, b.Departments)
        && a.OpenWhistles.AsSpan().SequenceEqual(b.OpenWhistles, OpenWhistleComparer.Instance)
        && a.ServingMembers.AsSpan().SequenceEqual(b.ServingMembers)
        && a.RosterMembers.AsSpan().SequenceEqual(b.RosterMembers)
        && SameKeyedCounters(a.Units, b.Units)
        && a.UnitNames.Count == b.UnitNames.Count && a.UnitNames.All(n => b.UnitNames.GetValueOrDefault(n.Key) == n.Value)
        && SameKeyedCounters(a.LovePoints, b.LovePoints)
        && a.LovePointNames.Count == b.LovePointNames.Count && a.LovePointNames.All(n => b.LovePointNames.GetValueOrDefault(n.Key) == n.Value)
        && a.SitesServedAt.Count == b.SitesServedAt.Count && a.SitesServedAt.All(s => b.SitesServedAt.TryGetValue(s.Key, out var at) && at == s.Value);

    private static bool SameKeyedCounters(Dictionary<string, long[]> a, Dictionary<string, long[]> b)
    {
        if (a.Count != b.Count) return false;
        foreach (var (id, counters) in a)
            if (!b.TryGetValue(id, out var other) || !counters.AsSpan().SequenceEqual(other)) return false;
        return true;
    }

    /// <summary>Open whistles compared by value, their department lists included.</summary>
    private sealed class OpenWhistleComparer : IEqualityComparer<OpenWhistle>
    {
        public static readonly OpenWhistleComparer Instance = new();

        public bool Equals(OpenWhistle? x, OpenWhistle? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null
                && x with { Pending = [], Arrived = [] } == y with { Pending = [], Arrived = [] }
                && x.Pending.AsSpan().SequenceEqual(y.Pending) && x.Arrived.AsSpan().SequenceEqual(y.Arrived));

        public int GetHashCode(OpenWhistle obj) => HashCode.Combine(obj.CaseId, obj.WhistledAt);
    }

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
