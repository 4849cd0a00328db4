using CityScreen.Domain.CoBuilding;
using CityScreen.Domain.Time;
using CityScreen.Simulator.Cases;

namespace CityScreen.Simulator;

/// <summary>What every event factory of one simulator shares.</summary>
internal sealed record SimulationContext(int Seed, string Source, GridRoster Roster, LocalClock Clock, DayShape Shape, double LateShare)
{
    /// <summary>The departments file, with each department's character for this run.</summary>
    public required DepartmentDirectory Directory { get; init; }

    /// <summary>For each street of <see cref="GridRoster.StreetIds"/>, whom its cases go to and whom it summons.</summary>
    public required Departments.ForStreet[] Receivers { get; init; }

    /// <summary>Working-hour limits (工作时) with the holiday calendar.</summary>
    public required WorkingCalendar Calendar { get; init; }

    /// <summary>Chance that a hard case makes its street blow the whistle (<see cref="CaseRules.WhistleChance"/>).</summary>
    public required double WhistleChance { get; init; }

    /// <summary>The service sites of the grids' communities, whose tallies the city sends (<c>site.served</c>).</summary>
    public IReadOnlyList<ServiceSite> Sites { get; init; } = [];

    /// <summary>Whether an event is held back, and for how long (1–10 minutes), drawn from the event's own stream.</summary>
    public long LateBy(ref RandomStream r) =>
        r.Chance(LateShare) ? Ticks.Round((long)(r.Between(1, 10) * TimeSpan.TicksPerMinute)) : 0;

    public string EventId(string stem) => $"sim-{Seed}-{stem}";
}
