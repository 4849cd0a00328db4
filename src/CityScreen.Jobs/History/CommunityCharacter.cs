using CityScreen.Areas;
using static CityScreen.Domain.Rollups.RollupInputs;

namespace CityScreen.Jobs.History;

/// <summary>
/// The lasting quality of a community in the demo's history, so that its rank is a trait and not
/// a throw of the dice: about a quarter are well run, one in six struggle, one in ten improve over
/// the history from struggling to good, the rest are ordinary with a small lean. Quality q runs
/// from −1 (struggling) to +1 (well run) and moves the community's rates by a spread per input
/// (<see cref="Spread"/>); it depends only on the community's id, so every store gets the same
/// communities good and bad.
/// </summary>
internal sealed class CommunityCharacter
{
    /// <summary>How far q = ±1 moves each rate; negative where a higher rate is worse.</summary>
    private static readonly Dictionary<string, double> Spread = new(StringComparer.Ordinal)
    {
        [OrdersResponded] = 0.10, [OrdersClosedOnTime] = 0.12, [ProjectsCompleted] = 0.15,
        [ResolvedOnTime] = 0.10, [ClosedOnTime] = 0.10, [Reopened] = -0.03, [HotlineOnTime] = 0.10,
        [WhistlesOnTime] = 0.10, [Satisfied] = 0.08, [RepeatComplaints] = -0.05,
    };

    private readonly double _start;
    private readonly double _slope;

    private CommunityCharacter(double start, double slope)
    {
        _start = start;
        _slope = slope;
    }

    /// <summary>The character of <paramref name="communityId"/> over a history of <paramref name="days"/> days.</summary>
    public static CommunityCharacter Of(string communityId, int days)
    {
        var r = new Random(Draws.Seed(communityId, 0x15));
        var u = r.NextDouble();
        var lean = 0.3 * Draws.Normal(r);
        return u switch
        {
            < 0.25 => new(Math.Clamp(0.8 + lean / 3, 0.5, 1), 0),
            < 0.42 => new(Math.Clamp(-0.8 + lean / 3, -1, -0.5), 0),
            < 0.52 => new(-0.8, 1.4 / Math.Max(1, days)),
            _ => new(Math.Clamp(lean, -0.4, 0.4), 0),
        };
    }

    /// <summary>Quality on the <paramref name="day"/>-th day of the history (0 = first).</summary>
    public double Quality(int day) => Math.Clamp(_start + _slope * day, -1, 1);

    /// <summary>A rate of <paramref name="part"/> moved by the community's quality that day.</summary>
    public double Rate(string part, double rate, int day) =>
        Math.Clamp(rate + Spread.GetValueOrDefault(part) * Quality(day), 0, 1);

    /// <summary>Share of the meetings due that are held (OL01): most are, struggling communities skip some.</summary>
    public double MeetingsKept(int day) => Math.Clamp(0.85 + 0.2 * Quality(day), 0.3, 1);

    /// <summary>Factor on the members who check in and serve, and (inverted) on the 红灯 backlog.</summary>
    public double Engagement(int day) => 1 + 0.15 * Quality(day);

    /// <summary>The community a leaf belongs to: itself for a community's own ledger, else its ancestor at that level.</summary>
    public static string CommunityOf(AreaTree tree, string leafId)
    {
        var area = tree.Get(leafId);
        if (area.Level == AreaLevel.Community) return area.Id;
        return tree.Ancestors(leafId).FirstOrDefault(a => a.Level == AreaLevel.Community)?.Id ?? leafId;
    }
}
