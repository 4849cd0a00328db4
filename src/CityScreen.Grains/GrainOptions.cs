namespace CityScreen.Grains;

/// <summary>Configuration section <c>CityScreen:Grains</c>: the cadences of the live pipeline.</summary>
public sealed class GrainOptions
{
    public const string Section = "CityScreen:Grains";

    /// <summary>A grid publishes at most once per this interval; changes in between are coalesced.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The same for the areas above the grids. Shorter than the grids': a change passes four of
    /// them on its way to the city, and each waits up to its interval under load, while summing
    /// a few children's snapshots costs far less than recounting a grid. What a screen receives
    /// stays bounded by <see cref="PublishInterval"/>.
    /// </summary>
    public TimeSpan AggregateFlushInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The soonest a grid looks at the clock again for overdue cases, the hour and midnight. It
    /// sleeps until the next of those it knows of, so this is also how late at most it notices one.
    /// </summary>
    public TimeSpan ClockTick { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest a grid sleeps without looking at the clock, however far its next known change:
    /// it then notices a clock that was set (or a test's clock moved by hand) within this long.
    /// </summary>
    public TimeSpan ClockSleep { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a host's publisher sends batched snapshots to every host's feed.</summary>
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Ingest requests being stored or handed to their grids at once, per host. Beyond it a request
    /// is refused before anything is stored (503 with Retry-After): when the grids fall behind,
    /// senders wait instead of requests piling up without limit.
    /// </summary>
    public int MaxIngestInFlight { get; set; } = 512;

    /// <summary>
    /// A grid rebuilds from the store for resent events at most once per this interval; a resend
    /// within it is caught up by one rebuild at its end. Each rebuild replays the grid's history,
    /// so a source resending the same events in a loop must not make it replay on every request.
    /// </summary>
    public TimeSpan DuplicateRebuildInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether leaves checkpoint their ledgers and rebuild from the checkpoint and the events after
    /// it; without, every activation replays the leaf's whole history.
    /// </summary>
    public bool Checkpoints { get; set; } = true;

    /// <summary>How often a leaf checkpoints (when it applied anything since); a restart replays at most about this much.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Longer than any event takes from drawing its sequence to reaching its leaf (a commit, then the
    /// hand-over). A checkpoint's floor is a sequence the leaf had reached at least this long ago:
    /// an event below it that had not arrived by then is read from the store before the floor moves.
    /// </summary>
    public TimeSpan LateArrival { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long an area waits before sending its snapshot again to a parent that did not confirm
    /// the last one, and an aggregate before asking again the children that have not reported
    /// since it was activated.
    /// </summary>
    public TimeSpan ReportRetry { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the list of hosts is re-read by publishers.</summary>
    public TimeSpan HostListRefresh { get; set; } = TimeSpan.FromSeconds(10);
}
