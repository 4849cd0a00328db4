using System.Globalization;
using System.Net;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Server.Wall;
using Microsoft.Extensions.DependencyInjection;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

public class RestartFacts
{
    [Fact]
    public async Task A_host_restarted_on_the_same_store_shows_identical_indicators()
    {
        await using var host = new ServerHost();
        await host.StartAsync();
        using (var http = host.Client())
        {
            var body = Batch(
                Reported("r-1", "AJ-r1"), Filed("r-2", "AJ-r1"),
                Reported("r-3", "AJ-r2", grid: OtherGrid, level: "critical"), Filed("r-4", "AJ-r2", grid: OtherGrid),
                Checkin("r-5"), Checkin("r-6", grid: OtherGrid));
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/events", Json(body))).StatusCode);
        }
        await host.WaitForAsync(City, "EV02", 2);
        var before = await host.IndicatorsAsync(City);
        var gridBefore = await host.IndicatorsAsync(OtherGrid);

        await host.StopAsync();
        await host.StartAsync();

        Assert.Equal(before, await host.IndicatorsAsync(City));
        Assert.Equal(gridBefore, await host.IndicatorsAsync(OtherGrid));
        Assert.Equal(6, await host.StoredEventsAsync());
    }

    [Fact]
    public async Task A_host_restarted_on_the_same_store_shows_the_same_open_alarms_and_not_the_handled_ones()
    {
        await using var host = new ServerHost();
        await host.StartAsync();
        using (var http = host.Client())
        {
            var body = Batch(
                Reported("a-1", "AJ-a-critical", level: "critical"), Filed("a-2", "AJ-a-critical"),
                Reported("a-3", "AJ-a-major", grid: OtherGrid, level: "major"),
                // A normal case past its limit: red, so it alarms too.
                RedCase("a-4", "a-5", "AJ-a-red"),
                // A major case handled: its alarm ended, and must not come back with the restart.
                Reported("a-6", "AJ-a-handled", level: "major"), Filed("a-7", "AJ-a-handled"), Closed("a-8", "AJ-a-handled"),
                // A normal case within its limit never alarms.
                Reported("a-9", "AJ-a-normal"), Filed("a-10", "AJ-a-normal"));
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/events", Json(body))).StatusCode);
        }
        string[] expected = ["AJ-a-critical:reported", "AJ-a-major:reported", "AJ-a-red:overdue"];
        await Eventually.HoldsAsync(() => Task.FromResult(Shown(host).SequenceEqual(expected)),
            "the three alarms on the wall", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));

        await host.StopAsync();
        await host.StartAsync();

        // Restored before the host says it is ready: the first wall opened sees them.
        Assert.Equal(expected, Shown(host));
        var critical = host.Services.GetRequiredService<OpenAlarms>().Open().Single(a => a.CaseId == "AJ-a-critical");
        Assert.Equal((CaseLevel.Critical, Grid), (critical.Level, critical.AreaId));
        Assert.Equal([109.49, 36.59], critical.Location!);
    }

    private static string[] Shown(ServerHost host) =>
        [.. host.Services.GetRequiredService<OpenAlarms>().Open().Select(a => $"{a.CaseId}:{a.Reason.ToJsonName()}").Order(StringComparer.Ordinal)];

    /// <summary>A normal case reported and filed three hours ago with a limit an hour ago: red.</summary>
    private static string RedCase(string reportId, string fileId, string caseId) => $$"""
        {"id":"{{reportId}}","type":"case.reported","occurredAt":"{{Now(180)}}","gridId":"{{Grid}}","source":"grid-app",
         "caseId":"{{caseId}}","kind":"event","category":"市容环境","level":"normal","title":"井盖缺失"},
        {"id":"{{fileId}}","type":"case.filed","occurredAt":"{{Now(179)}}","gridId":"{{Grid}}","source":"grid-app","caseId":"{{caseId}}",
         "dueAt":"{{DateTimeOffset.UtcNow.AddHours(-1).ToString("O", CultureInfo.InvariantCulture)}}"}
        """;
}
