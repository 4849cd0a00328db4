using System.Diagnostics.Metrics;

namespace CityScreen.Domain.Telemetry;

/// <summary>
/// CityScreen's own instruments, all on the meter <see cref="MeterName"/> and named
/// <c>cityscreen.*</c>; the host exports them with the framework's and Orleans' meters (docs/operations-observability.md).
/// It lives here, below the grains, the jobs and the host, because each of them records into it.
/// Recording is lock-free and costs nothing while no exporter listens.
/// </summary>
public sealed class CityScreenMetrics : IDisposable
{
    public const string MeterName = "CityScreen";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _eventsAccepted;
    private readonly Counter<long> _eventsDuplicate;
    private readonly Counter<long> _ingestRefused;
    private readonly Histogram<double> _storeCommit;
    private readonly Histogram<int> _storeBatch;
    private readonly Histogram<double> _flushLag;
    private readonly Histogram<double> _publishLatency;
    private readonly UpDownCounter<int> _openWalls;
    private readonly Counter<long> _wallCommands;
    private Func<ScreenCounts> _screens = () => default;
    private readonly Histogram<double> _indexJobDuration;
    private readonly Counter<long> _indexJobRows;

    /// <param name="factory">The host's meter factory; without one (tests building parts by hand) the meter stands alone.</param>
    public CityScreenMetrics(IMeterFactory? factory = null)
    {
        _ownsMeter = factory is null;
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _eventsAccepted = _meter.CreateCounter<long>("cityscreen.events.accepted", "{event}", "Events stored for the first time (answered 202).");
        _eventsDuplicate = _meter.CreateCounter<long>("cityscreen.events.duplicates", "{event}", "Events resent with an id already stored, counted once and not again.");
        _ingestRefused = _meter.CreateCounter<long>("cityscreen.ingest.refused", "{request}", "Ingest requests refused, by reason; nothing of such a request is stored.");
        _storeCommit = _meter.CreateHistogram<double>("cityscreen.store.commit.duration", "s", "Time to commit one batch of events to the event store.");
        _storeBatch = _meter.CreateHistogram<int>("cityscreen.store.commit.batch_size", "{event}", "Events in one committed batch.");
        _flushLag = _meter.CreateHistogram<double>("cityscreen.flush.lag", "s", "From an area's first change to its flush (the coalescing delay), by level.");
        _publishLatency = _meter.CreateHistogram<double>("cityscreen.events.publish_latency", "s", "From a grid receiving stored events to publishing the snapshot that holds them.");
        _meter.CreateObservableUpDownCounter("cityscreen.hub.connections", () => _screens().HubConnections, "{connection}", "Open SignalR connections on /hubs/screen of this host.");
        _meter.CreateObservableUpDownCounter("cityscreen.hub.subscriptions", () => _screens().HubSubscriptions, "{subscription}", "Area subscriptions held by those connections.");
        _meter.CreateObservableUpDownCounter("cityscreen.blazor.circuits", () => _screens().Circuits, "{circuit}", "Blazor Server circuits open on this host (walls and drill-downs).");
        _openWalls = _meter.CreateUpDownCounter<int>("cityscreen.walls.open", "{wall}", "Wall pages (/screen) open on this host.");
        _wallCommands = _meter.CreateCounter<long>("cityscreen.walls.commands", "{command}", "Remote commands sent to walls from the fleet view, by kind (wall.reload, wall.page).");
        _indexJobDuration = _meter.CreateHistogram<double>("cityscreen.index.job.duration", "s", "One run of the development index job.");
        _indexJobRows = _meter.CreateCounter<long>("cityscreen.index.job.rows", "{row}", "What index runs computed: nights of the index and days rolled up, by kind.");
    }

    public void EventsStored(int accepted, int duplicates)
    {
        if (accepted > 0) _eventsAccepted.Add(accepted);
        if (duplicates > 0) _eventsDuplicate.Add(duplicates);
    }

    /// <param name="reason">One of <see cref="RefusalReasons"/>.</param>
    public void IngestRefused(string reason) => _ingestRefused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void StoreCommitted(TimeSpan took, int batchSize)
    {
        _storeCommit.Record(took.TotalSeconds);
        _storeBatch.Record(batchSize);
    }

    /// <param name="level">The area level that flushed: <c>grid</c> or <c>aggregate</c>.</param>
    public void Flushed(string level, TimeSpan lag) => _flushLag.Record(lag.TotalSeconds, new KeyValuePair<string, object?>("level", level));

    public void Published(TimeSpan sinceEventsArrived) => _publishLatency.Record(sinceEventsArrived.TotalSeconds);

    /// <summary>Where the open connections, subscriptions and circuits are counted; read at each collection.</summary>
    public void ObserveScreens(Func<ScreenCounts> counts) => _screens = counts;

    public void WallOpened() => _openWalls.Add(1);

    public void WallClosed() => _openWalls.Add(-1);

    /// <param name="kind">The audited action: <c>wall.reload</c> or <c>wall.page</c>.</param>
    public void WallCommandSent(string kind) => _wallCommands.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void IndexRan(TimeSpan took, int nights, int rollupDays)
    {
        _indexJobDuration.Record(took.TotalSeconds);
        _indexJobRows.Add(nights, new KeyValuePair<string, object?>("kind", "index_nights"));
        _indexJobRows.Add(rollupDays, new KeyValuePair<string, object?>("kind", "rollup_days"));
    }

    /// <summary>A meter of the host's factory is the factory's to end; only one made here is ended here.</summary>
    public void Dispose()
    {
        if (_ownsMeter) _meter.Dispose();
    }

    public readonly record struct ScreenCounts(int HubConnections, int HubSubscriptions, int Circuits);

    /// <summary>The values of the <c>reason</c> tag of <c>cityscreen.ingest.refused</c>.</summary>
    public static class RefusalReasons
    {
        public const string Unauthorized = "unauthorized";
        public const string Forbidden = "forbidden";
        public const string Invalid = "invalid";
        public const string TooLarge = "too_large";
        public const string RateLimited = "rate_limited";
        public const string NotReady = "not_ready";
        public const string Busy = "busy";
        public const string StoreUnavailable = "store_unavailable";
        public const string Conflict = "conflict";
    }
}
