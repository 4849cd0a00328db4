using System.Text.Json.Nodes;
using CityScreen.IngestClient.Example;

// Usage: CityScreen.IngestClient.Example --url http://127.0.0.1:5000 --api-key KEY [--file events.json]
// events.json holds a JSON array of events, or one event per line. Without --file one example
// event is sent: a party member checking in now in the demo city's first grid.
var options = ReadArguments(args);
if (!options.TryGetValue("url", out var url) || !options.TryGetValue("api-key", out var apiKey))
{
    Console.Error.WriteLine("usage: --url http://127.0.0.1:5000 --api-key KEY [--file events.json] [--batch 500]");
    return 2;
}
var events = options.TryGetValue("file", out var file) ? ReadEvents(await File.ReadAllTextAsync(file)) : [Example()];
using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
var client = new IngestClient(http, apiKey, new IngestClientOptions { BatchSize = options.TryGetValue("batch", out var b) ? int.Parse(b) : 500 });
try
{
    var totals = await client.SendAsync(events);
    Console.WriteLine($"sent {events.Count} events in {totals.Batches} requests: {totals.Accepted} accepted, {totals.Duplicates} duplicates, {totals.Retries} retries");
    return 0;
}
catch (IngestRefusedException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

static Dictionary<string, string> ReadArguments(string[] args)
{
    var read = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2) read[args[i].TrimStart('-')] = args[i + 1];
    return read;
}

static List<JsonObject> ReadEvents(string text)
{
    var trimmed = text.TrimStart();
    if (trimmed.StartsWith('[')) return [.. JsonNode.Parse(trimmed)!.AsArray().Select(e => e!.AsObject())];
    return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => JsonNode.Parse(line)!.AsObject())];
}

static JsonObject Example() => new()
{
    ["id"] = "example-" + Guid.NewGuid().ToString("N"),
    ["type"] = "member.checkin",
    ["occurredAt"] = DateTimeOffset.Now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
    ["gridId"] = "610602001001001",
    ["source"] = "example-client",
    ["memberId"] = "m-example",
    ["unitId"] = "u-example",
};
