using System.Globalization;
using CityScreen.Domain.Rollups;
using static CityScreen.Domain.Rollups.RollupInputs;

namespace CityScreen.Jobs.History;

/// <summary>
/// Plausible daily rollups for the demo's days before any stored event, drawn around what the
/// simulator actually produced on one real day (the calibration day), instead of simulating and
/// storing months of raw events. Volumes are Poisson around each leaf's share of the city's day
/// (grids by households, as the simulator picks them); "of those" counts are binomial with the
/// leaf's own rate on that day, pulled toward the city's rate and drifting slowly from day to day,
/// so leaves differ and indices move; members are drawn from each grid's roster. Each community
/// has a lasting <see cref="CommunityCharacter"/> that moves its rates, the meetings it keeps, its
/// members' engagement and its backlog, so ranks hold from night to night.
/// Days must be asked for in ascending order; the same leaves, calibration and seed give the same
/// history.
/// </summary>
internal sealed class SimulatedRollups
{
    /// <summary>Counts drawn as volumes (the 红灯 stock too: it moves like a volume from day to day).</summary>
    private static readonly string[] Volumes =
        [OrdersPlaced, OrdersDueClose, ProjectsClaimed, Needs, DueResolve, DueClose, HotlineDue, Whistles, Ratings, Complaints, OverdueOpen];

    /// <summary>
    /// Counts only the wall's trends read, no input of the index: drawn from a stream of their own so
    /// that adding one never changes the draws, and so the indices, of the history.
    /// </summary>
    private static readonly string[] TrendVolumes = [CasesReported, CasesClosed];

    /// <summary>"Of those" counts and the volume they are part of.</summary>
    private static readonly (string Part, string Whole)[] Parts =
    [
        (OrdersResponded, OrdersPlaced), (OrdersClosedOnTime, OrdersDueClose), (ProjectsCompleted, ProjectsClaimed), (NeedsMatched, Needs),
        (ResolvedOnTime, DueResolve), (ClosedOnTime, DueClose), (Reopened, DueClose), (HotlineOnTime, HotlineDue),
        (WhistlesOnTime, Whistles), (Satisfied, Ratings), (RepeatComplaints, Complaints),
    ];

    /// <summary>Share of a grid's expected members who ever serve: the simulator leaves about one in eight away.</summary>
    private const double ActiveMemberShare = 0.88;

    /// <summary>
    /// Projects are completed days after they are claimed, so few of the calibration day's claims
    /// (yesterday's) are complete yet and its rate would say projects never finish: the history
    /// uses the share the simulator completes instead.
    /// </summary>
    private const double ProjectsCompletedShare = 0.7;

    /// <summary>
    /// Likewise needs are answered in bursts, when a joint meeting publishes projects: the history
    /// uses the share of needs the simulator's projects answer (NR01) rather than one day's.
    /// </summary>
    private const double NeedsMatchedShare = 0.75;

    /// <summary>Pseudo-count pulling a leaf's rate toward the city's: one day of a small grid is a noisy rate.</summary>
    private const double Shrinkage = 20;

    /// <summary>A leaf's rate drifts as an AR(1) walk: yesterday's offset times this, plus noise of <see cref="DriftStep"/>.</summary>
    private const double Persistence = 0.9;
    private const double DriftStep = 0.02;

    private readonly RollupRules _rules;
    private readonly LeafState[] _leaves;

    public SimulatedRollups(
        IReadOnlyList<CityLeaves.Leaf> leaves, IReadOnlyCollection<DailyRollup> calibration, RollupRules rules, int seed,
        Func<CityLeaves.Leaf, CommunityCharacter> characterOf, DateOnly first)
    {
        _rules = rules;
        var byLeaf = calibration.ToDictionary(r => r.LeafId, StringComparer.Ordinal);
        var groups = leaves.GroupBy(l => l.Reference.IsGrid).ToDictionary(g => g.Key, g => g.ToList());
        // The group's sums are the same for every leaf in it: computed once each, not once per
        // leaf (that was quadratic, minutes at 50,000 grids).
        var weights = groups.ToDictionary(g => g.Key, g => g.Value.Sum(Weight));
        var totals = new Dictionary<(bool IsGrid, string Input), double>();
        _leaves = leaves.Select(leaf =>
        {
            var isGrid = leaf.Reference.IsGrid;
            var share = Weight(leaf) / weights[isGrid];
            double Total(string input) => totals.TryGetValue((isGrid, input), out var total)
                ? total
                : totals[(isGrid, input)] = groups[isGrid].Sum(l => byLeaf.GetValueOrDefault(l.Id)?.Count(input) ?? 0);
            var own = byLeaf.GetValueOrDefault(leaf.Id);
            double Own(string input) => own?.Count(input) ?? 0;
            return new LeafState(
                leaf,
                characterOf(leaf),
                first,
                new Random(Draws.Seed(leaf.Id, seed)),
                new Random(Draws.Seed(leaf.Id, seed + 1)),
                Volumes.Concat(TrendVolumes).ToDictionary(v => v, v => Total(v) * share),
                Total(VolunteerHours) * share,
                MemberSets.ToDictionary(s => s, s => Total(s) * share),
                Parts.Select(p =>
                {
                    if (p.Part == ProjectsCompleted) return ProjectsCompletedShare;
                    if (p.Part == NeedsMatched) return NeedsMatchedShare;
                    var cityWhole = Total(p.Whole);
                    var cityRate = cityWhole > 0 ? Total(p.Part) / cityWhole : 0;
                    return (Own(p.Part) + Shrinkage * cityRate) / (Own(p.Whole) + Shrinkage);
                }).ToArray());
        }).ToArray();
    }

    public IReadOnlyList<DailyRollup> Day(DateOnly day) => _leaves.Select(l => l.Draw(day, _rules)).ToArray();

    private static double Weight(CityLeaves.Leaf leaf) => leaf.Reference.IsGrid ? Math.Max(leaf.Reference.Households, 50) : 1;

    private sealed class LeafState(
        CityLeaves.Leaf leaf,
        CommunityCharacter character,
        DateOnly first,
        Random random,
        Random trendRandom,
        Dictionary<string, double> volumes,
        double volunteerHours,
        Dictionary<string, double> members,
        double[] rates)
    {
        private readonly double[] _drift = new double[rates.Length];

        public DailyRollup Draw(DateOnly day, RollupRules rules)
        {
            var counts = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var (input, value) in ReferenceInputs.Of(leaf.Reference, rules, day))
                if (value != 0) counts[input] = value;
            var t = day.DayNumber - first.DayNumber;
            foreach (var (input, mean) in volumes)
            {
                var stream = TrendVolumes.Contains(input) ? trendRandom : random;
                Put(counts, input, Draws.Poisson(stream, input == OverdueOpen ? mean * (2 - character.Engagement(t)) : mean));
            }
            Put(counts, MeetingsHeld, Draws.Poisson(random, counts.GetValueOrDefault(MeetingsExpected) * character.MeetingsKept(t)));
            // Logged in half hours, as volunteer logs usually are.
            Put(counts, VolunteerHours, Draws.Poisson(random, 2 * volunteerHours) / 2.0);
            for (var i = 0; i < Parts.Length; i++)
            {
                _drift[i] = Persistence * _drift[i] + DriftStep * Draws.Normal(random);
                var (part, whole) = Parts[i];
                Put(counts, part, Draws.Binomial(random, (int)counts.GetValueOrDefault(whole), character.Rate(part, rates[i] + _drift[i], t)));
            }

            var sets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var roster = Math.Max(1, (int)Math.Ceiling(leaf.Reference.MembersExpected * ActiveMemberShare));
            foreach (var (set, mean) in members)
            {
                var drawn = Pick(Math.Min(roster, Draws.Poisson(random, mean * character.Engagement(t))), roster);
                if (drawn.Count == 0) continue;
                sets[set] = drawn;
                counts[set] = drawn.Count;
            }
            return new DailyRollup(leaf.Id, day, counts, sets, Simulated: true);
        }

        /// <summary>Distinct members of the roster, named as the simulator names a grid's members.</summary>
        private List<string> Pick(int count, int roster)
        {
            var chosen = new SortedSet<int>();
            while (chosen.Count < count) chosen.Add(random.Next(roster));
            return chosen.Select(m => string.Create(CultureInfo.InvariantCulture, $"{leaf.Id}-m{m:D3}")).ToList();
        }

        private static void Put(SortedDictionary<string, double> counts, string input, double value)
        {
            if (value != 0) counts[input] = value;
        }
    }
}
