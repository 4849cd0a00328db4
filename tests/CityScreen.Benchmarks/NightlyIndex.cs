using System.Diagnostics;
using CityScreen.Domain.Rollups;
using CityScreen.Domain.Time;
using CityScreen.Jobs;
using CityScreen.Jobs.History;
using CityScreen.Jobs.Indices;
using CityScreen.Jobs.Rollups;
using CityScreen.Simulator;
using CityScreen.Storage;
using CityScreen.Storage.Events;
using CityScreen.Storage.Indices;
using CityScreen.Storage.Rollups;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityScreen.Benchmarks;

/// <summary>
/// One night of the development index for the megacity: a day of simulated events in the SQLite
/// store, 29 days of simulated rollups before it (30 days of rollups in all), then the two steps
/// the nightly job takes, timed apart: rolling the day up from its events, and computing the index
/// of every area from the rollups. Peak memory is the process's peak resident size in each step.
/// </summary>
public static class NightlyIndex
{
    public static async Task RunAsync(BenchmarkOptions o, Figures figures)
    {
        const string scenario = "nightly index";
        using var city = Megacity.Create(o.Quick);
        var zone = CityClock.FindZone("Asia/Shanghai");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date);
        var night = today.AddDays(-1);
        var now = new DateTimeOffset(today.ToDateTime(new TimeOnly(2, 0)), zone.GetUtcOffset(today.ToDateTime(TimeOnly.MinValue)));
        var clock = new CityClock(new FixedTime(now), zone);
        var db = Path.Combine(city.Directory, "cityscreen.db");

        var events = new EventStore(CityScreenDatabase.Sqlite(db));
        await events.InitializeAsync();
        var stored = await StoreDayAsync(city, events, clock.StartOfDay(night), o.Quick ? 0.05 : 3);
        await events.DisposeAsync();
        figures.Add(scenario, $"setup: events of the night ({city.Size.Grids:N0} grids)", stored, "events");

        var model = IndexModelSource.Load("seed-data/index-model.json", AppContext.BaseDirectory);
        var leaves = new CityLeaves(city.Tree);
        var rules = new RollupRules();
        var rollups = new RollupStore(CityScreenDatabase.Sqlite(db));
        var indices = new IndexStore(CityScreenDatabase.Sqlite(db));
        await rollups.InitializeAsync();
        await indices.InitializeAsync();

        ProcessMeter.ResetPeak();
        var cpu = ProcessMeter.OwnCpu();
        var watch = Stopwatch.StartNew();
        var refresh = await new RollupRefresher(new EventHistory(CityScreenDatabase.Sqlite(db)), rollups, leaves, clock, rules, 400, NullLogger.Instance)
            .RefreshAsync(night, null, now, CancellationToken.None);
        var rollupSeconds = watch.Elapsed.TotalSeconds;
        figures.Add(scenario, $"rollups of the night from its events ({refresh.Leaves:N0} leaves)", rollupSeconds, "s");
        figures.Add(scenario, "CPU time, rollups (wall time on a busy machine is longer)", (ProcessMeter.OwnCpu() - cpu).TotalSeconds, "s");
        figures.Add(scenario, "peak resident memory, rollups", ProcessMeter.PeakResidentBytes() / 1048576.0, "MiB");

        await new SimulatedHistory(model, leaves, rollups, rules, days: 1, NullLogger.Instance).SeedAsync(today, now, CancellationToken.None);
        var rolled = await rollups.RolledUpDaysAsync();
        figures.Add(scenario, "setup: days of rollups behind the night", rolled.Count, "days");

        GC.Collect();
        ProcessMeter.ResetPeak();
        cpu = ProcessMeter.OwnCpu();
        watch.Restart();
        await new IndexComputation(model, leaves, rollups, indices, NullLogger.Instance).ComputeAsync([night], now, CancellationToken.None);
        var indexSeconds = watch.Elapsed.TotalSeconds;
        var computed = (await indices.ValuesAsync(night, model.Version)).Values.Count(v => v is not null);
        if (computed == 0) throw new InvalidOperationException("the night's index came out empty");
        figures.Add(scenario, $"index of the night ({city.Tree.Count:N0} areas, {computed:N0} with a value)", indexSeconds, "s");
        figures.Add(scenario, "CPU time, index", (ProcessMeter.OwnCpu() - cpu).TotalSeconds, "s");
        figures.Add(scenario, "peak resident memory, index", ProcessMeter.PeakResidentBytes() / 1048576.0, "MiB");
        figures.Add(scenario, "one night: rollups + index", rollupSeconds + indexSeconds, "s");
    }

    /// <summary>The simulator's day, in the store; the events are made in hourly slices and appended in chunks.</summary>
    private static async Task<long> StoreDayAsync(Megacity city, EventStore store, DateTimeOffset start, double eventsPerSecond)
    {
        var simulator = new CitySimulator(city.SimulatedGrids(), new SimulatorOptions { EventsPerSecond = eventsPerSecond, Seed = 7, Source = "benchmark" }, CityClock.FindZone("Asia/Shanghai"));
        simulator.Start(start);
        long stored = 0;
        for (var hour = 1; hour <= 24; hour++)
            foreach (var chunk in simulator.Advance(start.AddHours(hour)).Chunk(5_000))
                stored += (await store.AppendAsync(chunk)).Stored.Count;
        return stored;
    }
}
