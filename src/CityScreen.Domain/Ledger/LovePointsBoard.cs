using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.CoBuilding;

namespace CityScreen.Domain.Ledger;

/// <summary>
/// The 爱心积分 board of one leaf: points awarded to and redeemed by each person in 30 days, and
/// the names upstream systems give (a <c>member.registered</c> names its member, a points event may
/// name its holder; the newest name wins). Only the top contributors leave, with their names
/// masked here (<see cref="PersonName"/>), so no snapshot, API answer or wall ever holds a full name.
/// Points of a unit are not a person's and stay off the board.
/// </summary>
public sealed class LovePointsBoard
{
    private readonly Dictionary<string, (DateTimeOffset At, string Name)> _names = new(StringComparer.Ordinal);
    private readonly List<(DateTimeOffset At, string Person, int Points, bool Awarded)> _points = [];

    public static bool Keeps(string type) => type is EventTypes.MemberRegistered or EventTypes.PointsAwarded or EventTypes.PointsRedeemed;

    public void Apply(CityEvent e)
    {
        var person = e.Type == EventTypes.MemberRegistered ? e.MemberId : e.PersonId;
        if (person is null) return;
        if (e.Name is { } name && (!_names.TryGetValue(person, out var known) || known.At <= e.OccurredAt)) _names[person] = (e.OccurredAt, name);
        if (e.Type != EventTypes.MemberRegistered) _points.Add((e.OccurredAt, person, e.Points ?? 0, e.Type == EventTypes.PointsAwarded));
    }

    /// <summary>The top <see cref="LovePointCounters.Kept"/> persons by points awarded in 30 days, and their masked names.</summary>
    public (Dictionary<string, long[]> Counters, Dictionary<string, string> Names) TopAt(Window w)
    {
        var all = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var (at, person, points, awarded) in _points)
        {
            if (!w.In30(at)) continue;
            if (!all.TryGetValue(person, out var c)) all[person] = c = new long[LovePointCounters.Count];
            c[(int)(awarded ? LovePointCounter.Awarded30 : LovePointCounter.Redeemed30)] += points;
        }
        var top = Top(all);
        return (top, top.Keys.ToDictionary(p => p, p => PersonName.Mask(_names.GetValueOrDefault(p).Name), StringComparer.Ordinal));
    }

    /// <summary>The persons with the most points awarded (then the person id, for a stable order), at most <see cref="LovePointCounters.Kept"/>.</summary>
    public static Dictionary<string, long[]> Top(Dictionary<string, long[]> all)
    {
        if (all.Count <= LovePointCounters.Kept && all.Values.All(c => c[(int)LovePointCounter.Awarded30] > 0)) return all;
        // Every flush of every area ranks its board: keeping the best few in order as they come
        // costs a comparison or two per person, where sorting them all cost most of a flush.
        var best = new List<KeyValuePair<string, long[]>>(LovePointCounters.Kept + 1);
        foreach (var entry in all)
        {
            if (entry.Value[(int)LovePointCounter.Awarded30] <= 0) continue;
            if (best.Count == LovePointCounters.Kept && ByRank.Instance.Compare(entry, best[^1]) > 0) continue;
            var at = best.BinarySearch(entry, ByRank.Instance);
            best.Insert(at < 0 ? ~at : at, entry);
            if (best.Count > LovePointCounters.Kept) best.RemoveAt(best.Count - 1);
        }
        var top = new Dictionary<string, long[]>(best.Count, StringComparer.Ordinal);
        foreach (var (person, counters) in best) top.Add(person, counters);
        return top;
    }

    /// <summary>More points awarded first, then the person id in ordinal order.</summary>
    private sealed class ByRank : IComparer<KeyValuePair<string, long[]>>
    {
        public static readonly ByRank Instance = new();

        public int Compare(KeyValuePair<string, long[]> x, KeyValuePair<string, long[]> y)
        {
            var points = y.Value[(int)LovePointCounter.Awarded30].CompareTo(x.Value[(int)LovePointCounter.Awarded30]);
            return points != 0 ? points : string.CompareOrdinal(x.Key, y.Key);
        }
    }

    public void Prune(DateTimeOffset before) => _points.RemoveAll(p => p.At < before);
}
