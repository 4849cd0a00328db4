using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Cases;

/// <summary>
/// The monthly rating of departments by streets (街道评价部门): when a month ends, each street rates every
/// department it summoned that month, 1 to 5, as the department's character earned. A rating names the
/// street (<c>by</c>) and, as every event names a leaf area, the street's first community.
/// </summary>
/// <remarks>
/// It remembers the whistles it sees, from the start of the run and the warm-up before it; a simulator
/// started mid-month therefore rates, for that month, only the departments summoned since its warm-up began.
/// </remarks>
internal sealed class DepartmentRatings(SimulationContext context)
{
    private readonly SortedSet<(int Month, int Street, string Department)> _served = [];

    /// <summary>Records the departments a whistle summoned.</summary>
    public void Whistled(long ticks, int street, IEnumerable<string> departments)
    {
        var month = MonthOf(context.Clock.ToLocal(ticks));
        foreach (var d in departments) _served.Add((month, street, d));
    }

    /// <summary>The ratings of the month that ended at <paramref name="boundaryTicks"/> (a local midnight starting a month), in a stable order.</summary>
    public List<CityEvent> MonthEnded(long boundaryTicks)
    {
        var end = context.Clock.ToLocal(boundaryTicks);
        var month = MonthOf(end) - 1;
        var period = $"{month / 12:D4}-{month % 12 + 1:D2}";
        var ratings = new List<CityEvent>();
        foreach (var (m, street, department) in _served)
        {
            if (m != month) continue;
            var streetId = context.Roster.StreetIds[street];
            var character = context.Directory.CharacterOf(department);
            var r = RandomStream.For(context.Seed, GridPlaces.StableHash(department) ^ ((long)GridPlaces.StableHash(streetId) << 32), month);
            var earned = 1 + 4 * (0.5 * character.Quality + 0.5 * character.OnTimeShare) + r.Between(-0.7, 0.7);
            ratings.Add(new CityEvent
            {
                Id = context.EventId($"PJ{period}-{streetId}-{department}"),
                Type = EventTypes.DepartmentRated,
                OccurredAt = end,
                CommunityId = context.Roster.StreetCommunities[street],
                Source = context.Source,
                Department = department,
                By = streetId,
                Score = Math.Clamp((int)Math.Round(earned), 1, 5),
                Period = period,
            });
        }
        _served.RemoveWhere(x => x.Month <= month);
        return ratings;
    }

    private static int MonthOf(DateTimeOffset local) => local.Year * 12 + local.Month - 1;
}
