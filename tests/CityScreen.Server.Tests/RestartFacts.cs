using System.Net;
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
}
