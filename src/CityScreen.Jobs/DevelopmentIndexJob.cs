using System.ComponentModel;
using System.Globalization;
using CityScreen.Domain.Telemetry;
using CityScreen.Jobs.Hosting;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace CityScreen.Jobs;

/// <summary>
/// The Hangfire job that recomputes the 党建引领基层治理发展指数: nightly as the recurring job
/// <see cref="RecurringId"/>, once at start to catch up, and on demand for a range of dates.
/// Every way in is this one method, so the concurrency lock below covers them all.
/// </summary>
public sealed class DevelopmentIndexJob(IndexCatchUp catchUp, IIndexRunLock runLock, ILogger<DevelopmentIndexJob> logger, CityScreenMetrics? metrics = null)
{
    public const string RecurringId = "development-index";

    /// <summary>
    /// Catches up to yesterday; with <paramref name="from"/> and <paramref name="to"/>
    /// (yyyy-MM-dd) it also recomputes those dates from their events. Dates are passed as text:
    /// Hangfire stores arguments as JSON and reads them back on whichever server runs the job.
    /// </summary>
    /// <remarks>
    /// Two runs never overlap: the second waits for the first's distributed lock (up to an hour,
    /// then fails and is retried), and on every host for <see cref="IIndexRunLock"/>, which unlike
    /// Hangfire's does not expire under a long run. Jobs are delivered at least once; a run is idempotent.
    /// </remarks>
    [DisableConcurrentExecution(timeoutInSeconds: 60 * 60)]
    [AutomaticRetry(Attempts = 3)]
    [DisplayName("发展指数 development index {0}..{1}")]
    public async Task<string> RunAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        DateRange? forced = from is null && to is null ? null : new DateRange(Parse(from, nameof(from)), Parse(to, nameof(to)));
        logger.LogInformation("Development index: run started{Forced}", forced is { } f ? $", recomputing {f}" : "");
        IndexRunResult result;
        await using (await runLock.AcquireAsync(cancellationToken))
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            result = await catchUp.RunAsync(forced, cancellationToken);
            metrics?.IndexRan(System.Diagnostics.Stopwatch.GetElapsedTime(started), result.IndexDates.Count, result.NewRollupDays.Count);
        }
        logger.LogInformation("Development index: {Result}", result);
        return result.ToString();
    }

    private static DateOnly Parse(string? text, string name) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new ArgumentException($"'{text}' is not a date as yyyy-MM-dd", name);
}
