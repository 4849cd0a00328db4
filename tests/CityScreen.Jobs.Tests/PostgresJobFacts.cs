using System.Globalization;
using CityScreen.Contracts.Events;
using CityScreen.Jobs.Hosting;
using CityScreen.Storage;
using CityScreen.Storage.Events;
using CityScreen.Storage.Indices;
using CityScreen.Storage.Rollups;
using CityScreen.Tests.Shared;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CityScreen.Jobs.Tests;

/// <summary>
/// The nightly job in cluster mode: its tables in PostgreSQL and Hangfire's queue in the same
/// database, run by real Hangfire servers of one or two hosts.
/// </summary>
public sealed class PostgresJobFacts : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly JobHarness _sqlite = new(Shanghai.At(11, 10, 3));
    private readonly List<CityEvent> _events = [];
    private string _connectionString = null!;
    private EventStore _store = null!;

    public async Task InitializeAsync()
    {
        await _sqlite.InitializeAsync();
        _connectionString = await PostgresServer.Shared.CreateDatabaseAsync("jobs");
        _store = new EventStore(CityScreenDatabase.Postgres(_connectionString));
        await _store.InitializeAsync();
        _events.AddRange(new[] { 7, 8, 9 }.SelectMany(d => CityDays.Events(_sqlite.Tree, Shanghai.Day(11, d))));
        await _sqlite.AppendAsync(_events);
        await _store.AppendAsync(_events);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _sqlite.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>One host's job services in cluster mode, on the test's clock and city.</summary>
    private ServiceProvider Host()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [CityScreenDatabase.ConnectionStringKey] = _connectionString,
            ["CityScreen:Jobs:Storage"] = "Postgres",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(_sqlite.Tree);
        services.AddSingleton(_sqlite.Clock);
        services.AddCityScreenStorage(CityScreenDatabase.Postgres(_connectionString));
        services.AddCityScreenJobs(config, RepositoryRoot.Path, simulatedHistory: false);
        return services.BuildServiceProvider();
    }

    private static BackgroundJobServer Server(ServiceProvider host, int workers) => new(
        new BackgroundJobServerOptions { WorkerCount = workers, Activator = host.GetRequiredService<JobActivator>(), SchedulePollingInterval = TimeSpan.FromMilliseconds(200) },
        host.GetRequiredService<JobStorage>());

    private static async Task InitializeTablesAsync(ServiceProvider host)
    {
        await host.GetRequiredService<IRollupStore>().InitializeAsync();
        await host.GetRequiredService<IIndexStore>().InitializeAsync();
    }

    private static async Task SucceededAsync(JobStorage storage, string jobId)
    {
        await Eventually.HoldsAsync(() =>
        {
            using var connection = storage.GetConnection();
            var state = connection.GetStateData(jobId)?.Name;
            Assert.False(state == "Failed", $"job {jobId} failed: {connection.GetStateData(jobId)?.Reason}");
            return state == "Succeeded";
        }, $"job {jobId} to succeed", Patience, TimeSpan.FromMilliseconds(200));
    }

    /// <summary>Every stored index row, in the text <see cref="JobHarness.RowsAsync"/> gives for SQLite.</summary>
    private async Task<List<string>> RowsAsync()
    {
        var rows = new List<string>();
        await using var c = new NpgsqlConnection(_connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT to_char(date, 'YYYY-MM-DD'), area_id, model_version, value, grade, stars, rank, change, inputs, weights, explanation
            FROM index_history ORDER BY date, area_id COLLATE "C"
            """, c);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        return rows;
    }

    [Fact]
    public async Task The_job_through_Hangfire_on_PostgreSQL_stores_the_same_rows_as_on_SQLite()
    {
        await _sqlite.RunAsync();
        var expected = await _sqlite.RowsAsync();
        Assert.NotEmpty(expected);

        await using var host = Host();
        await InitializeTablesAsync(host);
        using var server = Server(host, workers: 1);
        var jobId = host.GetRequiredService<IBackgroundJobClient>().Enqueue<DevelopmentIndexJob>(j => j.RunAsync(null, null, CancellationToken.None));
        await SucceededAsync(host.GetRequiredService<JobStorage>(), jobId);

        Assert.Equal(expected, await RowsAsync());
        var nights = await host.GetRequiredService<IIndexStore>().NightsAsync(_sqlite.Model.Version);
        Assert.Equal([Shanghai.Day(11, 7), Shanghai.Day(11, 8), Shanghai.Day(11, 9)], nights.Select(n => n.Date));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM hangfire.job WHERE id = " + long.Parse(jobId, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Two_hosts_sharing_the_queue_run_the_job_one_at_a_time_and_compute_each_night_once()
    {
        await using var first = Host();
        await using var second = Host();
        await InitializeTablesAsync(first);
        await InitializeTablesAsync(second);
        using var firstServer = Server(first, workers: 2);
        using var secondServer = Server(second, workers: 2);

        // Each host enqueues a run, as each does at start: both land in the one queue.
        var ids = new[]
        {
            first.GetRequiredService<IBackgroundJobClient>().Enqueue<DevelopmentIndexJob>(j => j.RunAsync(null, null, CancellationToken.None)),
            second.GetRequiredService<IBackgroundJobClient>().Enqueue<DevelopmentIndexJob>(j => j.RunAsync(null, null, CancellationToken.None)),
            second.GetRequiredService<IBackgroundJobClient>().Enqueue<DevelopmentIndexJob>(j => j.RunAsync(null, null, CancellationToken.None)),
        };
        foreach (var id in ids) await SucceededAsync(first.GetRequiredService<JobStorage>(), id);

        var nights = await first.GetRequiredService<IIndexStore>().NightsAsync(_sqlite.Model.Version);
        Assert.Equal(3, nights.Count);
        Assert.All(nights, n => Assert.Equal(1, n.Computations));
    }

    [Fact]
    public async Task An_event_committing_late_with_a_lower_sequence_is_still_rolled_up()
    {
        await using var host = Host();
        await InitializeTablesAsync(host);
        var history = host.GetRequiredService<IEventHistory>();
        var job = host.GetRequiredService<IndexCatchUp>();
        await job.RunAsync(null, CancellationToken.None);
        var before = await host.GetRequiredService<IRollupStore>().ReadAsync(TestCity.Grid, Shanghai.Day(11, 8));

        // Another host's append draws its sequence, then this host appends and the job runs
        // while the first is still open; the first commits afterwards.
        var late = Activities.Checkin("late-checkin", TestCity.Grid, Shanghai.At(11, 8, 10), "member-late");
        await using var slowHost = new NpgsqlConnection(_connectionString);
        await slowHost.OpenAsync();
        await using var slow = await slowHost.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO events (id, type, area_id, occurred_at, body) VALUES ($1, $2, $3, $4, $5)
            """, slowHost, slow))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = late.Id });
            insert.Parameters.Add(new NpgsqlParameter { Value = late.Type });
            insert.Parameters.Add(new NpgsqlParameter { Value = late.AreaId });
            insert.Parameters.Add(new NpgsqlParameter { Value = late.OccurredAt.UtcDateTime });
            insert.Parameters.Add(new NpgsqlParameter { Value = CityEventJson.Serialize(late) });
            await insert.ExecuteNonQueryAsync();
        }
        var run = job.RunAsync(null, CancellationToken.None);
        await LockWaiterAsync(run);
        Assert.False(run.IsCompleted, "the job went ahead while an append with a lower sequence was still open");
        await slow.CommitAsync();
        await run;

        var after = await host.GetRequiredService<IRollupStore>().ReadAsync(TestCity.Grid, Shanghai.Day(11, 8));
        Assert.Contains("member-late", after!.Set(Domain.Rollups.RollupInputs.MembersCheckedIn));
        Assert.DoesNotContain("member-late", before!.Set(Domain.Rollups.RollupInputs.MembersCheckedIn));
        Assert.Equal(await history.LastSeqAsync(), await host.GetRequiredService<IRollupStore>().CursorAsync());
    }

    /// <summary>Waits (bounded) until a session of the test's database waits for a lock, or <paramref name="run"/> ends without waiting.</summary>
    private async Task LockWaiterAsync(Task run)
    {
        await Eventually.HoldsAsync(async () => run.IsCompleted
                || await ScalarAsync("SELECT count(*) FROM pg_locks WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") > 0,
            "the job to wait for the open append", Patience, TimeSpan.FromMilliseconds(20));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var c = new NpgsqlConnection(_connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
