using CityScreen.Areas;
using CityScreen.Domain.Index;
using CityScreen.Domain.Rollups;
using CityScreen.Domain.Time;
using CityScreen.Jobs.History;
using CityScreen.Jobs.Hosting;
using CityScreen.Jobs.Indices;
using CityScreen.Jobs.Rollups;
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
    /// The nightly development index: its stores in the SQLite file at <paramref name="sqlitePath"/>,
    /// Hangfire (in-memory storage, a server with a few workers) and the start-up registration of
    /// the recurring job. The model file and the zone are checked here, so a bad one stops the
    /// host at start with a message naming it. The host needs an <see cref="AreaTree"/> and a
    /// <see cref="CityClock"/> registered.
    /// </summary>
    /// <param name="simulatedHistory">Whether to simulate history before the first stored event (the demo).</param>
    public static IServiceCollection AddCityScreenJobs(
        this IServiceCollection services, IConfiguration configuration, string contentRoot, string sqlitePath, bool simulatedHistory)
    {
        var section = configuration.GetSection(JobsOptions.Section);
        services.Configure<JobsOptions>(section);
        var options = section.Get<JobsOptions>() ?? new JobsOptions();
        if (options.Storage != "InMemory")
            throw new InvalidOperationException($"{JobsOptions.Section}:Storage '{options.Storage}' is not supported yet; use 'InMemory'");
        CityClock.FindZone(options.TimeZone);

        services.AddSingleton(IndexModelSource.Load(options.ModelPath, contentRoot));
        services.AddSingleton(sp => new CityLeaves(sp.GetRequiredService<AreaTree>()));
        services.AddSingleton(new RollupRules { MeetingsDuePerBranchPerMonth = options.MeetingsDuePerBranchPerMonth });
        services.AddSingleton<IEventHistory>(new SqliteEventHistory(sqlitePath));
        services.AddSingleton<IRollupStore>(new SqliteRollupStore(sqlitePath));
        services.AddSingleton<IIndexStore>(new SqliteIndexStore(sqlitePath));

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
            return new InMemoryStorage(new InMemoryStorageOptions());
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
