using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CityScreen.Contracts.Events;

namespace CityScreen.Server.Tests;

/// <summary>
/// The OpenAPI contract served at <c>/openapi/v1.json</c> is the one committed as docs/openapi.json.
/// After a deliberate change of an API, regenerate the file with
/// <c>CITYSCREEN_UPDATE_OPENAPI=1 dotnet test tests/CityScreen.Server.Tests --filter OpenApiFacts</c>
/// and commit it with the change.
/// </summary>
[Collection("host")]
public class OpenApiFacts(HostFixture fixture)
{
    private ServerHost Host => fixture.Host;

    [Fact]
    public async Task The_served_document_is_the_committed_one()
    {
        using var http = new HttpClient { BaseAddress = Host.BaseAddress };
        var served = Normalized(await http.GetStringAsync("/openapi/v1.json"));
        var committedPath = Path.Combine(RepositoryRoot(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("CITYSCREEN_UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(committedPath, served + "\n");

        var committed = File.Exists(committedPath) ? Normalized(await File.ReadAllTextAsync(committedPath)) : "(missing)";
        Assert.True(served == committed,
            "the served OpenAPI document differs from docs/openapi.json; if the API changed on purpose, regenerate it " +
            "(CITYSCREEN_UPDATE_OPENAPI=1 dotnet test tests/CityScreen.Server.Tests --filter OpenApiFacts) and commit it");
    }

    [Fact]
    public async Task Every_event_type_is_a_schema_discriminated_by_type_and_every_error_answer_is_described()
    {
        using var http = new HttpClient { BaseAddress = Host.BaseAddress };
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!;
        var mapping = schemas["CityEvent"]!["discriminator"]!["mapping"]!.AsObject();
        Assert.Equal(EventTypes.All.Order(StringComparer.Ordinal), mapping.Select(m => m.Key).Order(StringComparer.Ordinal));
        foreach (var (type, reference) in mapping)
        {
            var schema = schemas[reference!.GetValue<string>().Split('/')[^1]]!;
            Assert.Equal(type, schema["properties"]!["type"]!["const"]!.GetValue<string>());
            Assert.Contains("id", schema["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        }
        var answers = document["paths"]!["/api/events"]!["post"]!["responses"]!.AsObject().Select(r => r.Key).ToList();
        foreach (var status in new[] { "202", "400", "401", "403", "409", "413", "429", "503" }) Assert.Contains(status, answers);
    }

    [Fact]
    public async Task The_example_bodies_of_the_document_are_accepted_by_the_server()
    {
        using var http = new HttpClient { BaseAddress = Host.BaseAddress };
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var examples = document["paths"]!["/api/events"]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!.AsObject()
            .Select(e => (e.Key, e.Value!["value"]!)).ToList();
        // And the example of every event type's schema, as one batch.
        var schemas = document["components"]!["schemas"]!.AsObject();
        examples.Add(("every type", new JsonArray([.. schemas.Where(s => s.Key.EndsWith("Event", StringComparison.Ordinal) && s.Key != "CityEvent").Select(s => s.Value!["examples"]![0]!.DeepClone())])));
        using var ingest = Host.Client();
        foreach (var (name, example) in examples)
        {
            // Fresh ids, so that the examples count as new events.
            var body = example.ToJsonString().Replace("evt-", "openapi-" + Guid.NewGuid().ToString("N")[..8] + "-", StringComparison.Ordinal)
                .Replace("AJ-20261122-0001", "AJ-openapi-" + Guid.NewGuid().ToString("N")[..8], StringComparison.Ordinal);
            var response = await ingest.PostAsync("/api/events", Payloads.Json(body));
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"example '{name}' answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task The_browsable_reference_opens_for_a_signed_in_user()
    {
        using var admin = Host.AdminClient();
        var page = await admin.GetAsync("/api/reference/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Normalized(string json) =>
        JsonSerializer.Serialize(JsonNode.Parse(json), new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CityScreen.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("CityScreen.sln not found above " + AppContext.BaseDirectory);
    }
}
