using CityScreen.Benchmarks;

// dotnet run -c Release --project tests/CityScreen.Benchmarks -- latency --url http://127.0.0.1:5000 --api-key KEY [--count 100]
var options = BenchmarkOptions.Parse(args);
return options.Scenario switch
{
    "latency" => await EventToScreenLatency.RunAsync(options),
    "recovery" => await RecoveryBenchmark.RunAsync(args),
    "longrun" => await LongRunMemory.RunAsync(options, args),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: latency --url URL --api-key KEY [--count N] [--grid GRID_ID] [--area AREA_ID]");
    return 2;
}
