using CityScreen.Domain.Time;
using CityScreen.Jobs;
using CityScreen.Jobs.Hosting;
using CityScreen.Server.Apis;
using CityScreen.Server.Security;
using CityScreen.Storage;
using CityScreen.Storage.Rollups;
using Hangfire;
using Hangfire.Dashboard;

namespace CityScreen.Server.Hosting;

/// <summary>The nightly development index in this host: the jobs, their start gate and the Hangfire dashboard (the index's API is <see cref="IndicesApi"/>).</summary>
public static class JobsConfiguration
{
    public const string DashboardPath = "/hangfire";

    public static WebApplicationBuilder AddCityScreenJobs(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var contentRoot = builder.Environment.ContentRootPath;
        var simulator = SimulatorConfiguration.IsEnabled(config);
        builder.Services.AddCityScreenJobs(config, contentRoot, simulatedHistory: simulator);
        builder.Services.AddSingleton<IIndexStartGate>(sp => new StoreSettledGate(
            sp.GetRequiredService<Readiness>(), sp.GetRequiredService<IEventHistory>(), sp.GetRequiredService<CityClock>(), simulator,
            sp.GetRequiredService<ILogger<StoreSettledGate>>()));
        return builder;
    }

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        // Admins only, even from this machine: behind a reverse proxy every request looks local,
        // and the dashboard can delete and trigger jobs. The filter repeats the endpoint's policy
        // because Hangfire answers 401 on its own when a filter refuses.
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            DashboardTitle = "CityScreen 发展指数 jobs",
            Authorization = [new AdminDashboardFilter()],
        }).RequireAuthorization(Policies.Admin);
        return app;
    }

    /// <summary>
    /// Opens once the host is ready and, with the simulator on, once its backfill has finished —
    /// the newest stored event then happened minutes ago, not hours — so the start-up catch-up
    /// computes yesterday from the whole backfill rather than the first batches of it.
    /// </summary>
    private sealed class StoreSettledGate(Readiness readiness, IEventHistory events, CityClock clock, bool simulator, ILogger<StoreSettledGate> logger) : IIndexStartGate
    {
        private static readonly TimeSpan Settled = TimeSpan.FromMinutes(15);
        private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);
        private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            while (!readiness.IsReady) await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            if (!simulator) return;
            var deadline = DateTimeOffset.UtcNow + MaxWait;
            while (await events.LastStoredOccurredAtAsync(cancellationToken) is not { } last || clock.Now - last > Settled)
            {
                if (DateTimeOffset.UtcNow > deadline)
                {
                    logger.LogWarning("The simulator's backfill did not finish within {Wait}; catching up the index anyway", MaxWait);
                    return;
                }
                await Task.Delay(Poll, cancellationToken);
            }
        }
    }
}
