using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Domain.CoBuilding;
using CityScreen.Domain.Ingest;
using CityScreen.Domain.Time;
using CityScreen.Grains.Ingest;
using CityScreen.Server.Hosting;
using CityScreen.Simulator;
using CityScreen.Storage.Events;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Simulation;

/// <summary>
/// The demo's upstream systems: realistic events through the same ingest path as the API
/// (validated, durable, then to the grains). On a fresh store it first backfills recent history,
/// so the charts and 30-day rates have something to show at once.
/// </summary>
public sealed class SimulatorService(
    AreaTree tree,
    EventIngestor ingestor,
    IEventStore store,
    Readiness readiness,
    CityClock clock,
    ServiceSiteDirectory sites,
    IOptions<SimulatorOptions> options,
    ILogger<SimulatorService> logger) : BackgroundService
{
    public const string Section = "CityScreen:Simulator";
    private const int BatchSize = 1_000;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan BusyBackoff = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled) return;
        while (!readiness.IsReady) await Task.Delay(200, stoppingToken);

        var grids = tree.AtLevel(AreaLevel.Grid).Select(g => new SimulatedArea(
            g.Id, g.ParentId!, g.Center.Lon, g.Center.Lat, g.Profile.Households, g.Profile.MembersExpected)).ToList();
        if (grids.Count == 0)
        {
            logger.LogWarning("The simulator is on but the area tree has no grids; it stays idle");
            return;
        }
        var simulator = new CitySimulator(grids, o, clock.Zone, sites.All);
        var now = clock.Now;
        if (o.HistoryToBackfill > TimeSpan.Zero && await store.CountAsync(stoppingToken) == 0)
        {
            // The registries and lists first: the backfilled events older than a day may only name units and projects already listed.
            var registries = simulator.CoBuildingHistory(now - o.HistoryToBackfill);
            logger.LogInformation("Simulator: backfilling {Count} 共驻共建 registry events", registries.Count);
            await IngestAsync(registries, progress: true, stoppingToken);
            simulator.Start(now - o.HistoryToBackfill);
            var history = simulator.Advance(now);
            logger.LogInformation("Simulator: backfilling {Count} events of the last {Hours} h", history.Count, o.HistoryToBackfill.TotalHours);
            await IngestAsync(history, progress: true, stoppingToken);
        }
        else
        {
            simulator.Start(now);
        }
        logger.LogInformation("Simulator: {Rate} events/s on {Grids} grids", o.EventsPerSecond, grids.Count);

        using var timer = new PeriodicTimer(Tick);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await IngestAsync(simulator.Advance(clock.Now), progress: false, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Simulator: a batch was refused; going on");
            }
        }
    }

    private async Task IngestAsync(IReadOnlyList<CityEvent> events, bool progress, CancellationToken cancellationToken)
    {
        for (var i = 0; i < events.Count; i += BatchSize)
        {
            var batch = events.Skip(i).Take(BatchSize).ToList();
            // The store sheds load when it falls behind; the same batch again is idempotent.
            while (batch.Count > 0)
            {
                try
                {
                    var outcome = await ingestor.IngestAsync(batch, new ValidationErrors(), isBatch: true, cancellationToken);
                    if (outcome.IsValid) break;
                    if (!outcome.IsConflict) throw new ArgumentException($"invalid events: {outcome.Errors}", nameof(events));
                    // A demo restarted with its fixed seed regenerates ids it stored before, at other
                    // times: the stored events stand, the rest of the batch goes in without them.
                    batch = batch.Where((_, k) => !outcome.ConflictingItems.Contains(k)).ToList();
                }
                catch (StoreBusyException)
                {
                    await Task.Delay(BusyBackoff, cancellationToken);
                }
            }
            if (progress && (i / BatchSize) % 50 == 0)
                logger.LogInformation("Simulator: backfilled {Done}/{Total}", Math.Min(i + BatchSize, events.Count), events.Count);
        }
    }
}
