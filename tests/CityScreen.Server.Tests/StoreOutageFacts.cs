using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityScreen.Tests.Shared;
using Npgsql;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>
/// When PostgreSQL cannot be reached, ingest says so (503 with Retry-After) instead of failing
/// with a 500 or pretending; once the database is back, the resend is accepted and counted once.
/// </summary>
public class StoreOutageFacts
{
    [Fact]
    public async Task Ingest_answers_503_while_the_database_is_unreachable_and_takes_the_resend_once_it_is_back()
    {
        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync("outage");
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var directory = Directory.CreateTempSubdirectory("cityscreen-outage-").FullName;
        try
        {
            await using var server = new ServerProcess(directory,
                "--CityScreen:Storage:Provider", "Postgres", "--ConnectionStrings:CityScreen", connectionString);
            await server.StartAsync();
            using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Add("X-Api-Key", ServerProcess.ApiKey);
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/events", Json(Reported("outage-1", "AJ-outage-1")))).StatusCode);

            await AdminAsync($"""ALTER DATABASE "{database}" ALLOW_CONNECTIONS false""",
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
            var refused = await http.PostAsync("/api/events", Json(Reported("outage-2", "AJ-outage-2")));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);

            await AdminAsync($"""ALTER DATABASE "{database}" ALLOW_CONNECTIONS true""");
            // The sender resends, as Retry-After asks, until the store has reconnected.
            await Eventually.HoldsAsync(async () =>
            {
                var resent = await http.PostAsync("/api/events", Json(Reported("outage-2", "AJ-outage-2")));
                Assert.True(resent.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.ServiceUnavailable,
                    $"a resend got {(int)resent.StatusCode}: {await resent.Content.ReadAsStringAsync()}");
                return resent.StatusCode == HttpStatusCode.Accepted;
            }, "the store to take events again after the database came back", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500));

            var grid = await http.GetFromJsonAsync<JsonElement>($"/api/areas/{Grid}");
            Assert.Equal(2, grid.GetProperty("indicators").GetProperty("EV01").GetDouble());
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task AdminAsync(params string[] statements)
    {
        await using var admin = new NpgsqlConnection(PostgresServer.Shared.AdminConnectionString);
        await admin.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }
    }
}
