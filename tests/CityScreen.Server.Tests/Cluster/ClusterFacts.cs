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
        await using var cluster = await ClusterHosts.StartAsync(3);
        var (a, c) = (cluster.Hosts[0], cluster.Hosts[2]);
        await using var client = new HubClient(a.BaseAddress);
        await client.StartAsync();
        await client.SubscribeAsync(Street);
        var first = await HubClient.ReceiveAsync(client.Indicators, m => IsArea(m, Street), "the street's snapshot on subscribing");

        using var http = Client(c);
        var response = await http.PostAsync("/api/events", Json(Batch(Enumerable.Range(0, 5).Select(i => Reported($"across-{i}", $"AJ-across-{i}")).ToArray())));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await ClusterIngest.WaitAsync(() => Task.FromResult(client.Indicators.Any(m => IsArea(m, Street) && Reported30Days(m) == Reported30Days(first) + 5
                && m.GetProperty("version").GetInt64() > first.GetProperty("version").GetInt64())),
            () => "the street on host A counting the five reports posted to host C");
    }

    /// <summary>
    /// The issue's promise: killing a host during ingest loses nothing that was accepted. Writers post
    /// to every host; B is killed with SIGKILL; A and C go on accepting and A's screen goes on moving;
    /// B comes back and serves again. What B may have stored without answering is sent again, as an
    /// upstream system does, and counts once. In the end every host reports the same city total: every
    /// distinct event once.
    /// </summary>
    [Fact]
    public async Task Killing_a_host_during_ingest_loses_nothing_accepted_and_the_others_go_on()
    {
        await using var cluster = await ClusterHosts.StartAsync(3);
        var (a, b, c) = (cluster.Hosts[0], cluster.Hosts[1], cluster.Hosts[2]);
        await using var screen = new HubClient(a.BaseAddress);
        await screen.StartAsync();
        await screen.SubscribeAsync(City);
        await HubClient.ReceiveAsync(screen.Indicators, m => IsArea(m, City), "the city's snapshot on subscribing");

        var ingest = new ClusterIngest(Grids);
        using var stop = new CancellationTokenSource();
        var writers = cluster.Hosts.Select((host, i) => ingest.RunAsync(host, $"h{i}", stop.Token)).ToList();
        await ingest.WaitAsync(() => ingest.AcceptedBy(b) >= 100 && ingest.Accepted.Count >= 300, "every host accepting before the kill");

        b.Kill();
        var atKill = (A: ingest.AcceptedBy(a), B: ingest.AcceptedBy(b), C: ingest.AcceptedBy(c));
        var cityAtKill = screen.Indicators.Where(m => IsArea(m, City)).MaxBy(m => m.GetProperty("version").GetInt64());
        await ingest.WaitAsync(() => ingest.AcceptedBy(a) >= atKill.A + 200 && ingest.AcceptedBy(c) >= atKill.C + 200,
            "hosts A and C accepting 200 more events each after B was killed");
        await ingest.WaitAsync(() => screen.Indicators.Any(m => IsArea(m, City) && Reported30Days(m) > Reported30Days(cityAtKill)
                && m.GetProperty("version").GetInt64() > cityAtKill.GetProperty("version").GetInt64()),
            "the city on host A's screen counting more reports after B was killed");

        await b.StartAsync();
        await ingest.WaitAsync(() => ingest.AcceptedBy(b) >= atKill.B + 50, "host B accepting again after its restart");
        await using (var screenOnB = new HubClient(b.BaseAddress))
        {
            await screenOnB.StartAsync();
            await screenOnB.SubscribeAsync(City);
            await HubClient.ReceiveAsync(screenOnB.Indicators, m => IsArea(m, City), "the city's snapshot from the restarted host B");
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);
        await ingest.ResendUnansweredAsync(a);
        var expected = ingest.Accepted.Count;
        Assert.True(ingest.Unanswered.IsEmpty, $"{ingest.Unanswered.Count} events were never accepted");

        foreach (var host in cluster.Hosts)
        {
            using var http = Client(host);
            var totals = new List<int>();
            await ClusterIngest.WaitAsync(async () =>
            {
                var city = await http.GetFromJsonAsync<JsonElement>($"/api/areas/{City}");
                totals.Add(Reported30Days(city));
                return totals[^1] == expected;
            }, () => $"host {host.BaseAddress} counting {expected} reports; it counts {string.Join(", ", totals.TakeLast(3))}");
        }
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
