namespace CityScreen.Jobs;

/// <summary>Configuration section <c>CityScreen:Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "CityScreen:Jobs";

    /// <summary>When the development index is recomputed (Hangfire cron, in <see cref="TimeZone"/>).</summary>
    public string IndexCron { get; set; } = "0 2 * * *";

    /// <summary>
    /// The zone of <see cref="IndexCron"/>. Hangfire's default is UTC, which would run the job at
    /// 10:00 in Shanghai; the local days the job computes follow <c>CityScreen:TimeZone</c>.
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public const string InMemoryStorage = "InMemory";
    public const string PostgresStorage = "Postgres";

    /// <summary>
    /// Hangfire's storage: <c>InMemory</c> (the embedded default, one host) or <c>Postgres</c> (cluster
    /// mode: the <c>hangfire</c> schema of <c>ConnectionStrings:CityScreen</c>, one queue for every host).
    /// </summary>
    public string Storage { get; set; } = InMemoryStorage;

    /// <summary>Hangfire workers on this host: the job is CPU-bound and runs alone, so a few are plenty.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>Run the catch-up (missed nights, late events) once at start, after the store is ready.</summary>
    public bool CatchUpAtStart { get; set; } = true;

    /// <summary>The index model, relative to the content root or the program directory.</summary>
    public string ModelPath { get; set; } = "seed-data/index-model.json";

    /// <summary>
    /// Days of index history the demo shows after its first start, from rollups simulated for the
    /// days before the simulator's backfill. Used only when the simulator is on; 0 turns it off.
    /// </summary>
    public int SimulatedHistoryDays { get; set; } = 90;

    /// <summary>A first run never reaches back further than this, whatever the oldest stored event says.</summary>
    public int MaxCatchUpDays { get; set; } = 400;

    /// <summary>Meetings a grid Party branch is due to hold a month (三会一课, 主题党日), until area data carries schedules.</summary>
    public double MeetingsDuePerBranchPerMonth { get; set; } = 2;
}
