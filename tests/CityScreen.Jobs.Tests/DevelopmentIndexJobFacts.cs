using System.Reflection;
using CityScreen.Areas;
using CityScreen.Domain.Time;
using CityScreen.Storage;
using CityScreen.Storage.Indices;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CityScreen.Jobs.Tests;

/// <summary>The job through Hangfire itself: a real server on in-memory storage, the recurring job, the lock.</summary>
public sealed class DevelopmentIndexJobFacts : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly JobHarness _job = new(Shanghai.At(11, 10, 3));

    public async Task InitializeAsync()
    {
        await _job.InitializeAsync();
        await _job.AppendAsync(new[] { 7, 8, 9 }.SelectMany(d => CityDays.Events(_job.Tree, Shanghai.Day(11, d))));
    }

    public async Task DisposeAsync() => await _job.DisposeAsync();

    private ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(_job.Tree);
        services.AddSingleton(_job.Clock);
        services.AddCityScreenStorage(CityScreenDatabase.Sqlite(_job.DbPath));
        services.AddCityScreenJobs(config, RepositoryRoot.Path, simulatedHistory: false);
        return services.BuildServiceProvider();
    }


    [Fact]
    public async Task A_real_background_job_server_runs_the_recurring_job_end_to_end()
    {
        await using var services = Services();
        var storage = services.GetRequiredService<JobStorage>();
        var recurring = services.GetRequiredService<IRecurringJobManagerV2>();
        recurring.AddOrUpdate<DevelopmentIndexJob>(DevelopmentIndexJob.RecurringId, j => j.RunAsync(null, null, CancellationToken.None),
            "0 2 * * *", new RecurringJobOptions { TimeZone = CityClock.FindZone("Asia/Shanghai") });
        using var server = new BackgroundJobServer(
            new BackgroundJobServerOptions { WorkerCount = 1, Activator = services.GetRequiredService<JobActivator>(), SchedulePollingInterval = TimeSpan.FromMilliseconds(200) },
            storage);

        var jobId = recurring.TriggerJob(DevelopmentIndexJob.RecurringId);

        var state = await Eventually.FoundAsync(() =>
        {
            using var connection = storage.GetConnection();
            var s = connection.GetStateData(jobId);
            return Task.FromResult(s?.Name is "Succeeded" or "Failed" ? s : null);
        }, $"job {jobId} to end", Patience, Poll);
        Assert.Equal("Succeeded", state.Name);
        Assert.Equal(Shanghai.Day(11, 9), await _job.Indices.LastDateAsync(_job.Model.Version));
        Assert.Equal(3, (await _job.Indices.NightsAsync(_job.Model.Version)).Count);
    }

    [Fact]
    public async Task At_start_the_host_registers_the_job_at_02_00_Shanghai_and_catches_up()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create("CityScreen:Jobs:IndexCron", (string?)"30 2 * * *")]);
        builder.Services.AddSingleton(_job.Tree);
        builder.Services.AddSingleton(_job.Clock);
        builder.Services.AddCityScreenStorage(CityScreenDatabase.Sqlite(_job.DbPath));
        builder.Services.AddCityScreenJobs(builder.Configuration, RepositoryRoot.Path, simulatedHistory: false);
        using var host = builder.Build();

        await host.StartAsync();
        try
        {
            await Eventually.FoundAsync(async () => await _job.Indices.LastDateAsync(_job.Model.Version) is { } d ? (object)d : null,
                "the catch-up's first index", Patience, Poll);
            using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
            var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == DevelopmentIndexJob.RecurringId);
            Assert.Equal("30 2 * * *", job.Cron);
            Assert.Equal(CityClock.FindZone("Asia/Shanghai").Id, job.TimeZoneId);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Two_runs_at_once_do_not_overlap_and_the_second_finds_nothing_left_to_do()
    {
        await using var services = Services();
        var storage = services.GetRequiredService<JobStorage>();
        var client = services.GetRequiredService<IBackgroundJobClient>();
        using var server = new BackgroundJobServer(
            new BackgroundJobServerOptions { WorkerCount = 2, Activator = services.GetRequiredService<JobActivator>() }, storage);

        var ids = new[]
        {
            client.Enqueue<DevelopmentIndexJob>(j => j.RunAsync(null, null, CancellationToken.None)),
            client.Enqueue<DevelopmentIndexJob>(j => j.RunAsync(null, null, CancellationToken.None)),
        };

        foreach (var id in ids)
            await Eventually.FoundAsync(() =>
            {
                using var connection = storage.GetConnection();
                return Task.FromResult(connection.GetStateData(id)?.Name == "Succeeded" ? id : null);
            }, $"job {id} to succeed", Patience, Poll);
        // Each night computed once: the second run waited for the first's lock, then had nothing to do.
        Assert.All(await _job.Indices.NightsAsync(_job.Model.Version), n => Assert.Equal(1, n.Computations));
        Assert.NotNull(typeof(DevelopmentIndexJob).GetMethod(nameof(DevelopmentIndexJob.RunAsync))!.GetCustomAttribute<DisableConcurrentExecutionAttribute>());
    }
}
