namespace CityScreen.Benchmarks;

/// <summary>
/// Command-line options shared by the scenarios. <c>--quick</c> shrinks every scenario to tiny
/// counts (the CI smoke run: numbers must come out, their size does not matter).
/// </summary>
public sealed record BenchmarkOptions(string Scenario, Uri Url, string ApiKey, int Count, string Grid, string Area, bool Quick)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new BenchmarkOptions(
            args.Length > 0 ? args[0] : "",
            new Uri(Value("--url", "http://127.0.0.1:5000")),
            Value("--api-key", Environment.GetEnvironmentVariable("CITYSCREEN_API_KEY") ?? "demo-key-change-me"),
            int.Parse(Value("--count", "100")),
            Value("--grid", "610602001001001"),
            Value("--area", "610600"),
            args.Contains("--quick"));
    }
}
