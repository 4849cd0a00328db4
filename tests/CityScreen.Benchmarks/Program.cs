using CityScreen.Benchmarks;

// dotnet run -c Release --project tests/CityScreen.Benchmarks -- <scenario> [--quick]
// Scenarios start what they need themselves (the host in this process, PostgreSQL in a temporary
// directory) on loopback ports; `all --quick` is the CI smoke run.
var options = BenchmarkOptions.Parse(args);
if (options.Scenario == "latency") return await EventToScreenLatency.RunAsync(options);
if (options.Scenario == "recovery") return await RecoveryBenchmark.RunAsync(args);
if (options.Scenario == "wallparts") return await WallCpuParts.RunAsync(options, args);
if (options.Scenario == "longrun") return await LongRunMemory.RunAsync(options, args);

var scenarios = new Dictionary<string, Func<BenchmarkOptions, Figures, Task>>
{
    // First: its memory per grid is a difference of two readings, which the hosts of earlier
    // scenarios in the same process (freed in between) would make meaningless.
    ["scale"] = MegacityScale.RunAsync,
    ["ingest"] = IngestThroughput.RunAsync,
    ["screen"] = ScreenLatency.RunAsync,
    ["baseline"] = PollingBaseline.RunAsync,
    ["walls"] = WallFanOut.RunAsync,
    ["wallcpu"] = WallBrowserCpu.RunAsync,
    ["index"] = NightlyIndex.RunAsync,
    // Last: three server processes and a PostgreSQL of its own, for a minute even when quick.
    ["cluster"] = ClusterSoak.RunAsync,
};
var chosen = options.Scenario == "all" ? scenarios.Keys.ToList() : scenarios.ContainsKey(options.Scenario) ? [options.Scenario] : null;
if (chosen is null)
{
    Console.Error.WriteLine($"usage: <{string.Join("|", scenarios.Keys)}|all> [--quick]");
    Console.Error.WriteLine("       cluster [--rate N] [--minutes M] [--screens N] [--quick] (see ClusterSoak.cs)");
    Console.Error.WriteLine("       recovery [--events N] [--per-day N] (see RecoveryBenchmark.cs)");
    Console.Error.WriteLine("       longrun --url URL --server-pid PID [--minutes M] (see LongRunMemory.cs)");
    Console.Error.WriteLine("       latency --url URL --api-key KEY [--count N] [--grid GRID_ID] [--area AREA_ID]   (against a running server)");
    return 2;
}

var failed = new List<string>();
foreach (var name in chosen)
{
    var figures = new Figures();
    Console.WriteLine($"## {name}{(options.Quick ? " (quick)" : "")}, {DateTimeOffset.UtcNow:u}");
    try
    {
        await scenarios[name](options, figures);
        if (figures.All.Count == 0) failed.Add($"{name}: no numbers came out");
    }
    catch (Exception ex)
    {
        Console.Error.WriteLine($"{name} failed: {ex}");
        failed.Add($"{name}: {ex.Message}");
    }
}
foreach (var f in failed) Console.Error.WriteLine($"FAILED {f}");
return failed.Count == 0 ? 0 : 1;
