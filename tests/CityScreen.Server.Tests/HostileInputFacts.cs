using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using CityScreen.Storage.Events;
using Microsoft.Extensions.DependencyInjection;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>Thousands of malformed requests get only 4xx, change nothing, and leave the server healthy.</summary>
[Collection("secured")]
public class HostileInputFacts(SecuredHostFixture fixture)
{
    private const int Requests = 3_000;
    private ServerHost Host => fixture.Host;

    /// <summary>One malformed body per seed: broken JSON, wrong types, missing and oversized fields, unknown areas, deep nesting, oversized batches.</summary>
    private static string Malformed(int seed)
    {
        var random = new Random(seed);
        var id = $"bad-{seed}";
        var valid = Reported(id, "AJ-" + id);
        string Valid() => valid;
        var occurredAt = System.Text.RegularExpressions.Regex.Match(valid, "\"occurredAt\":\"([^\"]+)\"").Groups[1].Value;
        var malformed = (seed % 16) switch
        {
            0 => Valid()[..random.Next(1, Valid().Length - 1)],
            1 => Valid().Replace("\"case.reported\"", "\"case.teleported\""),
            2 => Valid().Replace("\"gridId\":\"" + Grid + "\"", "\"gridId\":\"" + random.Next() + "\""),
            3 => Valid().Replace(occurredAt, "yesterday at noon"),
            4 => Valid().Replace("延河路口垃圾堆积", new string('垃', 5_000)),
            5 => Valid().Replace($"\"id\":\"{id}\"", $"\"id\":\"{new string('x', 1_000)}\""),
            6 => new string('[', 5_000) + new string(']', 5_000),
            7 => Valid().Replace("[109.49,36.59]", "[999,999]"),
            8 => Valid().Replace("[109.49,36.59]", "[" + string.Join(',', Enumerable.Repeat("109.49,36.59", 5_000)) + "]"),
            9 => Valid().Replace($"\"id\":\"{id}\",", ""),
            10 => Valid().Replace("\"level\":\"normal\"", "\"level\":42"),
            11 => "[" + string.Join(',', Enumerable.Range(0, 1_001).Select(i => Checkin($"{id}-{i}"))) + "]",
            12 => Batch(Checkin(id + "-ok"), Valid().Replace("\"caseId\"", "\"caseld\"")),
            13 => "\"" + new string('a', random.Next(1, 100)) + "\"",
            14 => Valid().Replace("\"source\":\"grid-app\"", "\"source\":{\"$ne\":null}"),
            _ => Valid().Replace("市容环境", "../../etc/passwd"),
        };
        // A mutation that missed would post a valid event and prove nothing.
        return malformed != valid ? malformed : throw new InvalidOperationException($"mutation {seed % 16} left the event valid");
    }

    [Fact]
    public async Task A_barrage_of_malformed_events_gets_only_4xx_stores_nothing_and_leaves_the_server_healthy()
    {
        var store = Host.Services.GetRequiredService<IEventStore>();
        using var http = Host.Client();
        var before = await store.CountAsync();
        var statuses = new ConcurrentDictionary<int, int>();

        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (seed, ct) =>
        {
            using var content = new StringContent(Malformed(seed), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/api/events", content, ct);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
        });
        using var oversized = new StringContent("[" + new string(' ', 5 * 1024 * 1024) + "]", Encoding.UTF8, "application/json");
        var tooLarge = await http.PostAsync("/api/events", oversized);

        Assert.All(statuses.Keys, status => Assert.InRange(status, 400, 499));
        Assert.Equal(Requests, statuses.Values.Sum());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(before, await store.CountAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        var accepted = await http.PostAsync("/api/events", Json(Checkin("after-the-barrage")));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(before + 1, await store.CountAsync());
    }

    [Theory]
    [InlineData("/screen?layout=../../appsettings")]
    [InlineData("/screen?layout=..%2F..%2Fappsettings.json")]
    [InlineData("/screen/..%2F..%2Fetc%2Fpasswd")]
    public async Task A_layout_or_area_path_cannot_reach_files(string path)
    {
        using var admin = Host.AdminClient();
        admin.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var response = await admin.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("ConnectionStrings", body);
        Assert.DoesNotContain("CityScreen\":", body);
        Assert.DoesNotContain("root:", body);
        Assert.Contains("未找到", body);
    }

    [Theory]
    [InlineData("/api/areas/..%2F..%2Fetc%2Fpasswd/cases?format=csv")]
    [InlineData("/api/areas/%2e%2e/children.csv")]
    public async Task An_export_path_cannot_reach_files(string path)
    {
        using var admin = Host.AdminClient();

        var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync());
    }
}
