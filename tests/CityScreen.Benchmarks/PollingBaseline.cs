using System.Diagnostics;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Storage.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CityScreen.Benchmarks;

/// <summary>
/// The peer baseline, today's way, against CityScreen on the same event stream in the same run:
/// events inserted into PostgreSQL (one durable INSERT per 100 ms slice) and every screen polling
/// a GROUP BY of today's events once a second, against hub screens subscribed to the city. Both
/// are watched for the city's 今日上报 (EV01).
///
/// Twice: with only this run's events in the table (the baseline's best case: every poll
/// aggregates a few thousand rows), and with the events of today so far already stored on both
/// sides (the same history in CityScreen's store, replayed by its grids, and in the baseline's
/// table), as a command centre meets it every morning.
///
/// CPU per screen is given two ways: everything measured (this process — load, screens and, on
/// CityScreen's side, the host — plus every PostgreSQL process) over the run, divided by the
/// screens; and the marginal cost of a screen: the same stream once more with no screens at all,
/// the difference divided by the screens. Only the second says what one more wall costs. A
/// hundred of CityScreen's screens cost less than the run-to-run noise of the load itself, so its
/// marginal cost is taken with ten times as many screens (the baseline cannot serve those).
/// </summary>
public static class PollingBaseline
{
    private sealed record Side(ScreenLatency.Result Latency, double CpuWithScreens, double CpuWithout, double Marginal);

    public static async Task RunAsync(BenchmarkOptions o, Figures figures)
    {
        var (rate, screens, duration, history) = o.Quick
            ? (100, 5, TimeSpan.FromSeconds(3), 5_000)
            : (1_000, 100, TimeSpan.FromSeconds(20), 1_000_000);
        await using var postgres = await PostgresServer.StartAsync();
        await CompareAsync(figures, postgres, rate, screens, duration, history: 0);
        await CompareAsync(figures, postgres, rate, screens, duration, history);
    }

    private static async Task CompareAsync(Figures figures, PostgresServer postgres, int rate, int screens, TimeSpan duration, int history)
    {
        var scenario = $"peer baseline, {rate:N0} events/s, {screens} screens, " + (history == 0 ? "only the run's events stored" : $"{history:N0} events of today stored before");
        var count = (int)(rate * duration.TotalSeconds);
        var now = DateTimeOffset.UtcNow;
        var today = now.UtcDateTime.Date;

        AreaTree tree;
        List<CityEvent> past, watched, unwatched, many;
        Side city;
        await using (var host = new BenchmarkHost())
        {
            tree = BenchmarkHost.LoadTree();
            // Today so far: from midnight (UTC, the benchmark's zone) or two hours back, until a minute ago.
            var from = new DateTimeOffset(today, TimeSpan.Zero) > now.AddHours(-2) ? new DateTimeOffset(today, TimeSpan.Zero) : now.AddHours(-2);
            past = history == 0 ? [] : EventStream.Make(tree, history, from, now.AddMinutes(-1) - from, seed: 4);
            watched = EventStream.Make(tree, count, now.AddSeconds(-5), duration, seed: 3);
            unwatched = EventStream.Make(tree, count, now.AddSeconds(-5), duration, seed: 5);
            many = EventStream.Make(tree, count, now.AddSeconds(-5), duration, seed: 6);
            await host.PrefillAsync(past);
            await host.StartAsync();
            using var http = host.Client();
            var without = await CpuAsync(() => new PacedLoad(unwatched, rate, DateOnly.FromDateTime(today)).SendAsync(s => ScreenLatency.PostAsync(http, s), CancellationToken.None));
            await using var clients = new HubScreens();
            await clients.GrowToAsync(host.BaseAddress, tree.Root.Id, screens);
            var load = new PacedLoad(watched, rate, DateOnly.FromDateTime(today));
            var watchers = clients.Watch(load, await clients.SettledValueAsync());
            var with = await CpuAsync(() => load.SendAsync(s => ScreenLatency.PostAsync(http, s), CancellationToken.None));
            await ScreenLatency.WaitCaughtUpAsync(watchers.Select(w => (Func<bool>)(() => w.CaughtUp)).ToList());

            await clients.GrowToAsync(host.BaseAddress, tree.Root.Id, screens * 10);
            var manyLoad = new PacedLoad(many, rate, DateOnly.FromDateTime(today));
            var manyWatchers = clients.Watch(manyLoad, await clients.SettledValueAsync());
            var withMany = await CpuAsync(() => manyLoad.SendAsync(s => ScreenLatency.PostAsync(http, s), CancellationToken.None));
            await ScreenLatency.WaitCaughtUpAsync(manyWatchers.Select(w => (Func<bool>)(() => w.CaughtUp)).ToList());
            city = new Side(Latency(watchers, with, screens), with, without, (withMany - without) / (screens * 10));
        }

        var (baseline, pollRate) = await MeasureBaselineAsync(postgres, tree, past, watched, unwatched, rate, screens, today);

        figures.Add(scenario, "CityScreen p50 / p99", city.Latency.P50, $"ms / {city.Latency.P99:N0} ms");
        figures.Add(scenario, "baseline p50 / p99", baseline.Latency.P50, $"ms / {baseline.Latency.P99:N0} ms");
        figures.Add(scenario, "ratio baseline / CityScreen, p50 latency", baseline.Latency.P50 / city.Latency.P50, "×");
        figures.Add(scenario, "ratio baseline / CityScreen, p99 latency", baseline.Latency.P99 / city.Latency.P99, "×");
        figures.Add(scenario, "CityScreen CPU with / without screens (host, load, screens)", city.CpuWithScreens, $"% / {city.CpuWithout:N0} % of a core");
        figures.Add(scenario, "baseline CPU with / without screens (PostgreSQL, load, pollers)", baseline.CpuWithScreens, $"% / {baseline.CpuWithout:N0} % of a core");
        figures.Add(scenario, "ratio baseline / CityScreen, all CPU per screen", baseline.Latency.CpuPerScreen / city.Latency.CpuPerScreen, "×");
        figures.Add(scenario, $"CityScreen marginal CPU per screen (with {screens * 10:N0} screens)", city.Marginal, "% of a core");
        figures.Add(scenario, $"baseline marginal CPU per screen (with {screens} screens)", baseline.Marginal, "% of a core");
        figures.Add(scenario, "ratio baseline / CityScreen, marginal CPU per screen", baseline.Marginal / city.Marginal, "×");
        figures.Add(scenario, "baseline polls answered per screen and second (asked: 1)", pollRate, "");
    }

    private static async Task<(Side Side, double PollsPerScreenSecond)> MeasureBaselineAsync(PostgresServer postgres, AreaTree tree, List<CityEvent> past,
        List<CityEvent> watched, List<CityEvent> unwatched, int rate, int screens, DateTime today)
    {
        await using var data = NpgsqlDataSource.Create(postgres.ConnectionString);
        var db = new BaselineDatabase(data, tree);
        await db.CreateAsync();
        if (past.Count > 0) await db.CopyAsync(past);

        var processes = () => ProcessMeter.Tree(postgres.Pid);
        var without = await CpuAsync(() => new PacedLoad(unwatched, rate, DateOnly.FromDateTime(today)).SendAsync(db.InsertAsync, CancellationToken.None), processes);

        var load = new PacedLoad(watched, rate, DateOnly.FromDateTime(today));
        var before = past.Concat(unwatched).LongCount(e => e.Type == EventTypes.CaseReported && e.OccurredAt.UtcDateTime.Date == today);
        var watchers = Enumerable.Range(0, screens).Select(_ => load.Watch(before)).ToList();
        using var stop = new CancellationTokenSource();
        var pollers = watchers.Select((w, i) => db.PollAsync(w, today, TimeSpan.FromSeconds((double)i / screens), stop.Token)).ToList();
        var started = Stopwatch.StartNew();
        var with = await CpuAsync(() => load.SendAsync(db.InsertAsync, CancellationToken.None), processes);
        await ScreenLatency.WaitCaughtUpAsync(watchers.Select(w => (Func<bool>)(() => w.CaughtUp)).ToList());
        var pollsPerScreenSecond = db.Polls / (double)screens / started.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(pollers);
        return (new Side(Latency(watchers, with, screens), with, without, (with - without) / screens), pollsPerScreenSecond);
    }

    /// <summary>The share of a core used while <paramref name="run"/> sends the load and for a second after (the last answers and pushes).</summary>
    private static async Task<double> CpuAsync(Func<Task> run, Func<IReadOnlyList<int>>? others = null)
    {
        var pids = others?.Invoke() ?? [];
        var cpu = ProcessMeter.OwnCpu() + ProcessMeter.Cpu(pids);
        var wall = Stopwatch.StartNew();
        await run();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var used = ProcessMeter.OwnCpu() + ProcessMeter.Cpu(others?.Invoke() ?? []) - cpu;
        return used.TotalSeconds / wall.Elapsed.TotalSeconds * 100;
    }

    private static ScreenLatency.Result Latency(List<PacedLoad.Watcher> watchers, double cpu, int screens)
    {
        var all = watchers.SelectMany(w => w.Latencies).ToList();
        return new ScreenLatency.Result(Figures.Percentile(all, 50), Figures.Percentile(all, 95), Figures.Percentile(all, 99), cpu / screens, all.Count);
    }
}
