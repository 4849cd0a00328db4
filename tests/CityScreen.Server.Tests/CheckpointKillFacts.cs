using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>
/// A real host killed (SIGKILL) while its leaves write checkpoints restarts from them with exactly
/// what a full replay of the store gives, round after round.
/// </summary>
public class CheckpointKillFacts
{
    [Fact]
    public async Task A_host_killed_while_it_checkpoints_restarts_with_the_indicators_of_a_full_replay()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cityscreen-checkpoint-kill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var store = Path.Combine(directory, "events.db");
        try
        {
            // Checkpoints every few hundred milliseconds, so a kill lands among them.
            await using var server = new ServerProcess(directory,
                "--CityScreen:Grains:CheckpointInterval", "00:00:00.300", "--CityScreen:Grains:LateArrival", "00:00:00.200");
            await server.StartAsync();
            var n = 0;
            for (var round = 0; round < 4; round++)
            {
                using (var http = Client(server))
                {
                    for (var b = 0; b < 5; b++)
                    {
                        var items = new List<string>();
                        for (var i = 0; i < 6; i++)
                        {
                            var id = $"ck-{round}-{n++}";
                            var grid = i % 2 == 0 ? Grid : OtherGrid;
                            items.Add(Reported(id, "AJ-" + id, grid));
                            // Half the cases are filed at once; the others stay reported (open) across the restarts.
                            if (i % 4 < 2) items.Add(Filed(id + "-f", "AJ-" + id, grid));
                            items.Add(Checkin(id + "-c", grid));
                        }
                        var response = await http.PostAsync("/api/events", Json(Batch([.. items])));
                        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                    }
                }
                // The marker: a leaf has written a checkpoint that covers this round's events. Kill at once,
                // while the leaves' checkpoint timers keep firing.
                var last = LastSeq(store);
                await Eventually.HoldsAsync(() => Task.FromResult((CheckpointCovering(store, last), $"no checkpoint covers seq {last} yet")),
                    TimeSpan.FromSeconds(60));
                server.Kill();
                await server.StartAsync();

                using var reader = Client(server);
                var city = await reader.GetFromJsonAsync<JsonElement>($"/api/areas/{City}");
                var recomputed = await StoreRecomputation.RootAsync(store, city.GetProperty("at").GetDateTimeOffset());
                StoreRecomputation.AssertSame(recomputed, city);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private static HttpClient Client(ServerProcess server)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerProcess.ApiKey);
        return http;
    }

    private static long LastSeq(string path) => Scalar(path, "SELECT coalesce(max(seq), 0) FROM events");

    private static bool CheckpointCovering(string path, long seq) =>
        Scalar(path, $"SELECT count(*) FROM grid_checkpoints WHERE covers_seq >= {seq}") > 0;

    private static long Scalar(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }
}
