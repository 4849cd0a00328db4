using CityScreen.Domain.Time;
using CityScreen.Storage.Indices;
using CityScreen.Storage.Rollups;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityScreen.Jobs.Hosting;

/// <summary>
/// At start: creates the job's tables, registers the recurring job with its cron and zone, and —
/// once the gate opens — triggers it once, so missed nights and late events are caught up without
/// waiting for 02:00.
/// </summary>
public sealed class IndexStartup(
    IServiceProvider services,
    IRollupStore rollups,
    IIndexStore indices,
    IRecurringJobManagerV2 recurring,
    IOptions<JobsOptions> options,
    ILogger<IndexStartup> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the web server starts: the index API must find its tables.
        await rollups.InitializeAsync(cancellationToken);
        await indices.InitializeAsync(cancellationToken);
        var o = options.Value;
        recurring.AddOrUpdate<DevelopmentIndexJob>(
            DevelopmentIndexJob.RecurringId,
            job => job.RunAsync(null, null, CancellationToken.None),
            o.IndexCron,
            new RecurringJobOptions { TimeZone = CityClock.FindZone(o.TimeZone) });
        logger.LogInformation("Development index: recurring job '{Id}' at '{Cron}' ({Zone})", DevelopmentIndexJob.RecurringId, o.IndexCron, o.TimeZone);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.CatchUpAtStart) return;
        if (services.GetService<IIndexStartGate>() is { } gate) await gate.WaitAsync(stoppingToken);
        var jobId = recurring.TriggerJob(DevelopmentIndexJob.RecurringId);
        logger.LogInformation("Development index: start-up catch-up enqueued as job {JobId}", jobId);
    }
}
