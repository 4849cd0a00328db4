using CityScreen.Areas;
using CityScreen.Domain.Index;
using CityScreen.Domain.Rollups;
using CityScreen.Domain.Time;
using CityScreen.Jobs.History;
using CityScreen.Jobs.Hosting;
using CityScreen.Jobs.Indices;
using CityScreen.Jobs.Rollups;
using CityScreen.Storage;
using CityScreen.Storage.Indices;
using CityScreen.Storage.Rollups;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityScreen.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// The nightly development index: Hangfire (in-memory storage, or PostgreSQL with
    /// <c>CityScreen:Jobs:Storage=Postgres</c> so that several hosts share one queue), a server with a
    /// few workers and the start-up registration of the recurring job. The model file, the zone and
    /// the storage settings are checked here, so a bad one stops the host at start with a message
    /// naming it. The host needs an <see cref="AreaTree"/>, a <see cref="CityClock"/> and the stores
    /// (<see cref="StorageServiceCollectionExtensions.AddCityScreenStorage(IServiceCollection, CityScreenDatabase, StorageOptions?)"/>) registered.
    /// </summary>
    /// <param name="simulatedHistory">Whether to simulate history before the first stored event (the demo).</param>
    public static IServiceCollection AddCityScreenJobs(
        this IServiceCollection services, IConfiguration configuration, string contentRoot, bool simulatedHistory)
    {
        var section = configuration.GetSection(JobsOptions.Section);
        var options = section.Get<JobsOptions>() ?? new JobsOptions();
        var hangfireConnection = options.Storage switch
        {
            JobsOptions.InMemoryStorage => null,
            JobsOptions.PostgresStorage => CityScreenDatabase.RequireConnectionString(configuration, $"{JobsOptions.Section}:Storage '{JobsOptions.PostgresStorage}'"),
            _ => throw new InvalidOperationException(
                $"{JobsOptions.Section}:Storage '{options.Storage}' is not known; use '{JobsOptions.InMemoryStorage}' (the default) or '{JobsOptions.PostgresStorage}'"),
        };
        CityClock.FindZone(options.TimeZone);
        services.Configure<JobsOptions>(section);

        services.AddSingleton(IndexModelSource.Load(options.ModelPath, contentRoot));
        services.AddSingleton(sp => new CityLeaves(sp.GetRequiredService<AreaTree>()));
        services.AddSingleton(new RollupRules { MeetingsDuePerBranchPerMonth = options.MeetingsDuePerBranchPerMonth });
        // Runs on a shared queue can start on several hosts at once; only the database can keep them apart.
        services.AddSingleton<IIndexRunLock>(sp => hangfireConnection is not null ? new PostgresIndexRunLock(hangfireConnection)
            : sp.GetRequiredService<CityScreenDatabase>() is { IsPostgres: true } database ? new PostgresIndexRunLock(database.Location)
            : new InProcessIndexRunLock());

        services.AddTransient(sp => new RollupRefresher(
            sp.GetRequiredService<IEventHistory>(), sp.GetRequiredService<IRollupStore>(), sp.GetRequiredService<CityLeaves>(),
            sp.GetRequiredService<CityClock>(), sp.GetRequiredService<RollupRules>(), options.MaxCatchUpDays,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<RollupRefresher>()));
        services.AddTransient(sp => new IndexComputation(
            sp.GetRequiredService<IndexModel>(), sp.GetRequiredService<CityLeaves>(), sp.GetRequiredService<IRollupStore>(),
            sp.GetRequiredService<IIndexStore>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger<IndexComputation>()));
        services.AddTransient(sp => new IndexCatchUp(
            sp.GetRequiredService<IndexModel>(), sp.GetRequiredService<CityClock>(), sp.GetRequiredService<RollupRefresher>(),
            sp.GetRequiredService<IndexComputation>(), sp.GetRequiredService<IRollupStore>(), sp.GetRequiredService<IIndexStore>(),
            simulatedHistory && options.SimulatedHistoryDays > 0
                ? new SimulatedHistory(sp.GetRequiredService<IndexModel>(), sp.GetRequiredService<CityLeaves>(), sp.GetRequiredService<IRollupStore>(),
                    sp.GetRequiredService<RollupRules>(), options.SimulatedHistoryDays, sp.GetRequiredService<ILoggerFactory>().CreateLogger<SimulatedHistory>())
                : null));
        services.AddTransient<DevelopmentIndexJob>();

        // This host's own storage and activator, registered before AddHangfire so that its
        // fall-backs to Hangfire's process-wide statics (JobStorage.Current) are never used: two
        // hosts in one process (as in the tests) then never share a queue.
        services.AddSingleton<JobStorage>(sp =>
        {
            // Configured first, so the storage's own loggers come from this host.
            sp.GetRequiredService<IGlobalConfiguration>();
            return hangfireConnection is null ? new InMemoryStorage(new InMemoryStorageOptions()) : HangfirePostgres.Storage(hangfireConnection);
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) => c
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((_, server) =>
        {
            server.WorkerCount = Math.Max(1, options.Workers);
            server.ServerName = $"cityscreen-{Environment.MachineName}-{Environment.ProcessId}";
        });
        services.AddHostedService<IndexStartup>();
        return services;
    }
}
