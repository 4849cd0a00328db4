using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests.Cluster;

/// <summary>Three hosts on loopback as one Orleans cluster on PostgreSQL (issue 5).</summary>
public class ClusterFacts
{
    private static readonly string[] Grids = [Grid, OtherGrid, "610602003001001", "610602004001001", "610602005001001", "610602006001001"];

    [Fact]
    public async Task A_client_on_one_host_receives_the_events_posted_to_another()
    {
        await using var cluster = await ClusterHosts.StartAsync(3, sharedStore: false);
        var (a, c) = (cluster.Hosts[0], cluster.Hosts[2]);
        await using var client = new HubClient(a.BaseAddress);
        await client.StartAsync();
        await client.SubscribeAsync(Street);
        var first = await HubClient.ReceiveAsync(client.Indicators, m => IsArea(m, Street), "the street's snapshot on subscribing");

        using var http = Client(c);
        var response = await http.PostAsync("/api/events", Json(Batch(Enumerable.Range(0, 5).Select(i => Reported($"across-{i}", $"AJ-across-{i}")).ToArray())));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var moved = await HubClient.ReceiveAsync(client.Indicators,
            m => IsArea(m, Street) && Reported30Days(m) == Reported30Days(first) + 5, "the street on host A counting the five reports posted to host C");
        Assert.True(moved.GetProperty("version").GetInt64() > first.GetProperty("version").GetInt64());
    }

    private static bool IsArea(JsonElement m, string areaId) => m.GetProperty("areaId").GetString() == areaId;

    /// <summary>Reports of the last 30 days (EV05's denominator): unlike today's count it does not restart at midnight during a run.</summary>
    private static int Reported30Days(JsonElement m) => m.GetProperty("counts").GetProperty("EV05").GetProperty("denominator").GetInt32();

    private static HttpClient Client(ServerProcess host)
    {
        var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerProcess.ApiKey);
        return http;
    }
}
