using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

public class KillFacts
{
    [Fact]
    public async Task A_server_killed_during_ingest_keeps_every_accepted_event_and_counts_each_once()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cityscreen-kill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await using var server = new ServerProcess(directory);
            await server.StartAsync();

            // Sustained ingest from four writers; the server is killed while they are posting.
            var accepted = new ConcurrentBag<string>();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
                http.DefaultRequestHeaders.Add("X-Api-Key", ServerProcess.ApiKey);
                for (var b = 0; !stop.IsCancellationRequested && b < 500; b++)
                {
                    var ids = Enumerable.Range(0, 20).Select(i => $"kill-{w}-{b}-{i}").ToList();
                    var body = Batch(ids.Select((id, i) => Reported(id, "AJ-" + id, grid: i % 2 == 0 ? Grid : OtherGrid)).ToArray());
                    try
                    {
                        var response = await http.PostAsync("/api/events", Json(body));
                        if (response.StatusCode == HttpStatusCode.Accepted) foreach (var id in ids) accepted.Add(id);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        return;   // the server is gone
                    }
                }
            })).ToList();
            await Eventually.HoldsAsync(() =>
            {
                Assert.True(writers.Any(w => !w.IsCompleted), $"ingest stalled at {accepted.Count} accepted events");
                return accepted.Count >= 400;
            }, "400 accepted events before the kill", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(10));
            server.Kill();
            stop.Cancel();
            await Task.WhenAll(writers);

            await server.StartAsync();

            var stored = StoredReports(Path.Combine(directory, "events.db"));
            var lost = accepted.Where(id => !stored.Contains(id)).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} accepted events were lost, e.g. {string.Join(", ", lost.Take(3))}");
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            var city = await http.GetFromJsonAsync<JsonElement>($"/api/areas/{City}");
            // Reported in the last 30 days = the denominator of 立案率: exactly the stored reports, once each.
            Assert.Equal(stored.Count, city.GetProperty("counts").GetProperty("EV05").GetProperty("denominator").GetInt32());
            Assert.True(stored.Count >= accepted.Count);
            // And every indicator of the city is what the store alone gives, computed at the same instant.
            var recomputed = await StoreRecomputation.RootAsync(Path.Combine(directory, "events.db"), city.GetProperty("at").GetDateTimeOffset());
            StoreRecomputation.AssertSame(recomputed, city);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private static HashSet<string> StoredReports(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id FROM events WHERE type = 'case.reported'";
        using var r = cmd.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read()) ids.Add(r.GetString(0));
        return ids;
    }
}
