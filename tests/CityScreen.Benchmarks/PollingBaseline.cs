using System.Diagnostics;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace CityScreen.Benchmarks;

/// <summary>
/// The peer baseline, today's way: events inserted into PostgreSQL (one durable INSERT per 100 ms
/// slice) and every screen polling a GROUP BY of today's events by district and type once a
/// second. The same event stream at the same rate is sent to CityScreen (hub screens subscribed to
/// the city) and then to the baseline, in the same run; both are watched for the city's
/// 今日上报 (EV01). CPU per screen: this process (load and screens, plus the host on CityScreen's
/// side) and, for the baseline, every PostgreSQL process, over the run's wall time.
/// </summary>
public static class PollingBaseline
{
    private const string Poll = """
        SELECT district_id, type, count(*) FROM events WHERE occurred_at >= $1 GROUP BY district_id, type
        """;

    public static async Task RunAsync(BenchmarkOptions o, Figures figures)
    {
        var (rate, screens, duration) = o.Quick ? (100, 5, TimeSpan.FromSeconds(3)) : (1_000, 100, TimeSpan.FromSeconds(20));
        var scenario = $"peer baseline, {rate:N0} events/s, {screens} screens";
        List<CityEvent> events;
        ScreenLatency.Result city;
        AreaTree tree;
        await using (var host = new BenchmarkHost())
        {
            await host.StartAsync();
            tree = host.Services.GetRequiredService<AreaTree>();
            events = EventStream.Make(tree, (int)(rate * duration.TotalSeconds), DateTimeOffset.UtcNow.AddSeconds(-5), duration, seed: 3);
            using var http = host.Client();
            await using var clients = new HubScreens();
            await clients.GrowToAsync(host.BaseAddress, tree.Root.Id, screens);
            city = await ScreenLatency.MeasureAsync(events, rate, http, clients);
        }

        await using var postgres = await PostgresServer.StartAsync();
        var baseline = await MeasureBaselineAsync(postgres, tree, events, rate, screens);

        figures.Add(scenario, "CityScreen p50", city.P50, "ms");
        figures.Add(scenario, "CityScreen p99", city.P99, "ms");
        figures.Add(scenario, "CityScreen CPU per screen", city.CpuPerScreen, "% of a core");
        figures.Add(scenario, "baseline p50", baseline.P50, "ms");
        figures.Add(scenario, "baseline p99", baseline.P99, "ms");
        figures.Add(scenario, "baseline CPU per screen (PostgreSQL + pollers + load)", baseline.CpuPerScreen, "% of a core");
        figures.Add(scenario, "ratio baseline / CityScreen, p50 latency", baseline.P50 / city.P50, "×");
        figures.Add(scenario, "ratio baseline / CityScreen, p99 latency", baseline.P99 / city.P99, "×");
        figures.Add(scenario, "ratio baseline / CityScreen, CPU per screen", baseline.CpuPerScreen / city.CpuPerScreen, "×");
    }

    private static async Task<ScreenLatency.Result> MeasureBaselineAsync(PostgresServer postgres, AreaTree tree, List<CityEvent> events, int rate, int screens)
    {
        await using var data = NpgsqlDataSource.Create(postgres.ConnectionString);
        await using (var create = data.CreateCommand("""
            CREATE TABLE events (
                id text PRIMARY KEY, type text NOT NULL, grid_id text NOT NULL, community_id text, street_id text, district_id text,
                occurred_at timestamptz NOT NULL, body jsonb NOT NULL);
            CREATE INDEX ix_events_occurred ON events (occurred_at);
            """))
            await create.ExecuteNonQueryAsync();

        var districtOf = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string[] Ancestors(string areaId) => districtOf.TryGetValue(areaId, out var a) ? a
            : districtOf[areaId] = [.. tree.Ancestors(areaId).Select(x => x.Id).Take(3).Concat(Enumerable.Repeat("", 3)).Take(3)];

        var today = DateTime.UtcNow.Date;
        var load = new PacedLoad(events, rate, DateOnly.FromDateTime(today));
        var watchers = Enumerable.Range(0, screens).Select(_ => load.Watch(0)).ToList();
        using var stop = new CancellationTokenSource();
        var cpu = ProcessMeter.OwnCpu();
        var postgresProcesses = ProcessMeter.Tree(postgres.Pid);
        var postgresCpu = ProcessMeter.Cpu(postgresProcesses);
        var wall = Stopwatch.StartNew();
        var pollers = watchers.Select((w, i) => PollAsync(data, w, today, TimeSpan.FromSeconds((double)i / screens), stop.Token)).ToList();
        await load.SendAsync(slice => InsertAsync(data, slice, Ancestors), CancellationToken.None);
        await ScreenLatency.WaitCaughtUpAsync(watchers.Select(w => (Func<bool>)(() => w.CaughtUp)).ToList());
        var elapsed = wall.Elapsed.TotalSeconds;
        var used = (ProcessMeter.OwnCpu() - cpu) + (ProcessMeter.Cpu(ProcessMeter.Tree(postgres.Pid)) - postgresCpu);
        await stop.CancelAsync();
        await Task.WhenAll(pollers);

        var all = watchers.SelectMany(w => w.Latencies).ToList();
        return new ScreenLatency.Result(Figures.Percentile(all, 50), Figures.Percentile(all, 95), Figures.Percentile(all, 99),
            used.TotalSeconds / elapsed * 100 / screens, all.Count);
    }

    private static async Task InsertAsync(NpgsqlDataSource data, CityEvent[] slice, Func<string, string[]> ancestors)
    {
        await using var cmd = data.CreateCommand("""
            INSERT INTO events (id, type, grid_id, community_id, street_id, district_id, occurred_at, body)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::jsonb[])
            ON CONFLICT (id) DO NOTHING
            """);
        var up = slice.Select(e => ancestors(e.AreaId)).ToArray();
        cmd.Parameters.Add(new NpgsqlParameter { Value = slice.Select(e => e.Id).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = slice.Select(e => e.Type).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = slice.Select(e => e.AreaId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = up.Select(a => a[0]).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = up.Select(a => a[1]).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = up.Select(a => a[2]).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = slice.Select(e => e.OccurredAt.UtcDateTime).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = slice.Select(CityEventJson.Serialize).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>One screen: the city's GROUP BY once a second, the cases reported today summed from it.</summary>
    private static async Task PollAsync(NpgsqlDataSource data, PacedLoad.Watcher watcher, DateTime today, TimeSpan offset, CancellationToken stop)
    {
        try
        {
            await Task.Delay(offset, stop);
            await using var connection = await data.OpenConnectionAsync(stop);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            do
            {
                await using var cmd = new NpgsqlCommand(Poll, connection);
                cmd.Parameters.Add(new NpgsqlParameter { Value = today, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                long reported = 0;
                await using (var reader = await cmd.ExecuteReaderAsync(stop))
                    while (await reader.ReadAsync(stop))
                        if (reader.GetString(1) == EventTypes.CaseReported) reported += reader.GetInt64(2);
                watcher.Saw(reported, Stopwatch.GetTimestamp());
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
