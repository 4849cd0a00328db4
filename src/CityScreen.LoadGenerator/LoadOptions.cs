using System.Globalization;

namespace CityScreen.LoadGenerator;

/// <summary>The command line: where to send, how fast, for how long.</summary>
internal sealed record LoadOptions(
    Uri Url,
    string ApiKey,
    double Rate,
    TimeSpan Duration,
    long? Count,
    int Batch,
    int Seed,
    int Parallel,
    TimeSpan WarmUp,
    string Source)
{
    public const string Usage = """
        Sends simulated CityScreen events to a server at a steady rate.

          dotnet run --project src/CityScreen.LoadGenerator -- --url http://127.0.0.1:5000 --api-key KEY --rate 500 --duration 60

          --url URL          the server (its /api/areas gives the grids, /api/events takes the batches)
          --api-key KEY      an ingest key (CityScreen:Ingest:ApiKeys); default: environment CITYSCREEN_API_KEY
          --rate N           events per second, all types together (default 100)
          --duration S       stop after S seconds (default 60)
          --count N          stop after N events, if that comes first
          --batch N          events per request (default 100)
          --seed N           same seed, same events and ids (default 0: a new seed each run)
          --parallel N       requests in flight at once (default 4)
          --warm-up H        hours of cases already open at the start (default 24; 0 starts with none)
          --source NAME      the events' source (default load-generator)
        """;

    /// <summary>Reads the arguments: null with a message when they are wrong, null without one when help was asked for.</summary>
    public static LoadOptions? Parse(string[] args, Func<string, string?> environment, out string? error)
    {
        error = null;
        if (args is ["--help"] or ["-h"]) return null;

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                error = $"unexpected argument '{args[i]}'";
                return null;
            }
            values[args[i][2..]] = args[i + 1];
        }

        var problems = new List<string>();
        string? Get(string name) => values.Remove(name, out var v) ? v : null;
        double Number(string name, double fallback, double min)
        {
            var text = Get(name);
            if (text is null) return fallback;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min) return v;
            problems.Add($"--{name} must be a number ≥ {min}, not '{text}'");
            return fallback;
        }

        var url = Get("url");
        var apiKey = Get("api-key") ?? environment("CITYSCREEN_API_KEY");
        var rate = Number("rate", 100, 0.001);
        var duration = TimeSpan.FromSeconds(Number("duration", 60, 1));
        var count = (long)Number("count", 0, 1);
        var batch = (int)Number("batch", 100, 1);
        var seed = (int)Math.Min(Number("seed", 0, 0), int.MaxValue);
        var parallel = (int)Number("parallel", 4, 1);
        var warmUp = TimeSpan.FromHours(Number("warm-up", 24, 0));
        var source = Get("source") ?? "load-generator";

        problems.AddRange(values.Keys.Select(k => $"unknown option --{k}"));
        if (!Uri.TryCreate(url, UriKind.Absolute, out var server)) problems.Add("--url must be the server's address, e.g. http://127.0.0.1:5000");
        if (string.IsNullOrWhiteSpace(apiKey)) problems.Add("--api-key is required (or set CITYSCREEN_API_KEY)");
        if (server is null || apiKey is null || problems.Count > 0)
        {
            error = string.Join(Environment.NewLine, problems);
            return null;
        }
        return new LoadOptions(server, apiKey, rate, duration, count > 0 ? count : null, batch, seed, parallel, warmUp, source);
    }
}
