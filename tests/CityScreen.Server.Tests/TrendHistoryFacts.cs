using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CityScreen.Domain.Rollups;
using CityScreen.Storage.Rollups;
using Microsoft.Extensions.DependencyInjection;

namespace CityScreen.Server.Tests;

public class TrendHistoryFacts
{
    [Fact]
    public async Task A_day_present_only_in_the_simulated_rollups_appears_in_the_area_series_with_its_counts_and_is_marked()
    {
        await using var host = new ServerHost();
        await host.StartAsync();
        using var http = host.Client();
        var areas = await http.GetFromJsonAsync<JsonElement[]>("/api/areas");
        var grid = areas!.First(a => a.GetProperty("level").GetString() == "grid");
        var gridId = grid.GetProperty("id").GetString()!;
        var parentId = grid.GetProperty("parentId").GetString()!;

        // A simulated day ten days back, as the demo's history writes it: only a rollup, no event.
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var day = today.AddDays(-10);
        var rollups = host.Services.GetRequiredService<IRollupStore>();
        var counts = new Dictionary<string, double> { [RollupInputs.CasesReported] = 7, [RollupInputs.CasesClosed] = 5 };
        await rollups.SaveAsync([new DailyRollup(gridId, day, counts, new Dictionary<string, IReadOnlyList<string>>(), Simulated: true)]);
        await rollups.MarkRolledUpAsync([day], simulated: true, DateTimeOffset.UtcNow);

        foreach (var id in new[] { gridId, parentId })
        {
            var series = (await http.GetFromJsonAsync<JsonElement>($"/api/areas/{id}")).GetProperty("series");
            var anchor = DateOnly.Parse(series.GetProperty("dayAnchor").GetString()!, CultureInfo.InvariantCulture);
            var i = series.GetProperty("reportedDaily").GetArrayLength() - 1 - (anchor.DayNumber - day.DayNumber);

            Assert.Equal(7, series.GetProperty("reportedDaily")[i].GetInt32());
            Assert.Equal(5, series.GetProperty("closedDaily")[i].GetInt32());
            Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), series.GetProperty("fromRollupsUntil").GetString());
            Assert.Equal(0, series.GetProperty("reportedDaily")[i + 1].GetInt32()); // the day after: no rollup, no event
        }
    }
}
