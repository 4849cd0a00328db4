namespace CityScreen.Simulator;

/// <summary>What every event factory of one simulator shares.</summary>
internal sealed record SimulationContext(int Seed, string Source, GridRoster Roster, LocalClock Clock, DayShape Shape, double LateShare)
{
    /// <summary>Whether an event is held back, and for how long (1–10 minutes), drawn from the event's own stream.</summary>
    public long LateBy(ref RandomStream r) =>
        r.Chance(LateShare) ? Ticks.Round((long)(r.Between(1, 10) * TimeSpan.TicksPerMinute)) : 0;

    public string EventId(string stem) => $"sim-{Seed}-{stem}";
}
