namespace CityScreen.Simulator;

/// <summary>Configuration of the simulator (section <c>CityScreen:Simulator</c> in the server).</summary>
public sealed class SimulatorOptions
{
    /// <summary>Whether the host runs the simulator (the simulator itself does not look).</summary>
    public bool Enabled { get; set; }

    /// <summary>Average events per second over a day, all types and all case steps together.</summary>
    public double EventsPerSecond { get; set; } = 2;

    /// <summary>
    /// Any value but 0 reproduces the same events and ids for the same grids and rate, also across restarts
    /// (so a replayed history is deduplicated by the server). 0 draws a new seed each run: a new city, whose
    /// case ids (AJ…) can repeat those of an earlier run for the same days.
    /// </summary>
    public int Seed { get; set; }

    /// <summary>Share of events held back 1–10 minutes and sent out of order, as upstream systems do.</summary>
    public double LateShare { get; set; } = 0.01;

    /// <summary>How much history a host replays when it starts (the host's business; the simulator only generates it).</summary>
    public TimeSpan HistoryToBackfill { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// Cases reported this long before <see cref="CitySimulator.Start"/> are still open and send their later
    /// steps afterwards, so the event rate is steady from the first minute instead of ramping up over days.
    /// Those steps arrive without their <c>case.reported</c>, as they would to a server that starts late.
    /// <see cref="TimeSpan.Zero"/> starts a city with no open cases.
    /// </summary>
    public TimeSpan WarmUp { get; set; } = TimeSpan.FromDays(4);

    /// <summary>
    /// Shape the rate by the local time of day (quiet nights, busy mornings). Off gives the same rate at every
    /// hour, for load tests that want <see cref="EventsPerSecond"/> whenever they run.
    /// </summary>
    public bool FollowTimeOfDay { get; set; } = true;

    public string Source { get; set; } = "simulator";

    /// <summary>
    /// The departments a street can summon (seed-data/departments.json's format). Relative paths are found in
    /// the current directory, else next to the program; none means the demo district's file, built in.
    /// </summary>
    public string? DepartmentsFile { get; set; }

    /// <summary>The days off and 调休 workdays for working-hour limits (seed-data/holidays.json's format); found like <see cref="DepartmentsFile"/>.</summary>
    public string? HolidaysFile { get; set; }

    /// <summary>The service sites whose tallies the city sends (seed-data/service-sites.json's format); found like <see cref="DepartmentsFile"/>.</summary>
    public string? SitesFile { get; set; }

    public string TimeZone { get; set; } = "Asia/Shanghai";
}
