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
    public static Dictionary<string, long[]> Top(Dictionary<string, long[]> all) =>
        all.Count <= LovePointCounters.Kept && all.Values.All(c => c[(int)LovePointCounter.Awarded30] > 0)
            ? all
            : all.Where(kv => kv.Value[(int)LovePointCounter.Awarded30] > 0)
                .OrderByDescending(kv => kv.Value[(int)LovePointCounter.Awarded30]).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(LovePointCounters.Kept).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    public void Prune(DateTimeOffset before) => _points.RemoveAll(p => p.At < before);
}
