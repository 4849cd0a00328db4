using CityScreen.LoadGenerator;
using CityScreen.Simulator;
using CityScreen.Simulator.Http;

var options = LoadOptions.Parse(args, Environment.GetEnvironmentVariable, out var error);
if (options is null)
{
    Console.Error.WriteLine(error is null ? LoadOptions.Usage : $"{error}{Environment.NewLine}{Environment.NewLine}{LoadOptions.Usage}");
    return error is null ? 0 : 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

var grids = await RemoteGrids.LoadAsync(http, options.Url, cancel.Token);
if (grids.Count == 0)
{
    Console.Error.WriteLine($"{options.Url} lists no areas of level 'grid'; nothing to simulate.");
    return 1;
}

Console.WriteLine($"{grids.Count} grids in {grids.Select(g => g.CommunityId).Distinct().Count()} communities from {options.Url}; "
    + $"opening the cases of the last {options.WarmUp.TotalHours:0.#} h…");
var share = RateCalibration.Share(grids, options.WarmUp, options.Duration);
var simulator = new CitySimulator(grids, new SimulatorOptions
{
    EventsPerSecond = options.Rate / share,
    Seed = options.Seed,
    WarmUp = options.WarmUp,
    FollowTimeOfDay = false,
    Source = options.Source,
});
Console.WriteLine($"seed {simulator.Seed}; sending about {options.Rate:0.#} events/s in batches of {options.Batch} "
    + $"for {options.Duration.TotalSeconds:0} s{(options.Count is { } n ? $" or {n} events" : "")}.");

var run = new LoadRun(options, new HttpEventSink(http, options.Url, options.ApiKey), Console.Out);
return await run.RunAsync(simulator, cancel.Token);
