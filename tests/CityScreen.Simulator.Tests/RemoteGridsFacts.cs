using System.Net;
using CityScreen.Simulator.Http;

namespace CityScreen.Simulator.Tests;

public class RemoteGridsFacts
{
    private const string Areas = """
        [
          {"id":"610600","name":"延安市","level":"city","parentId":null},
          {"id":"610602001","name":"宝塔山街道","level":"street","parentId":"610602"},
          {"id":"610602001001","name":"凤凰山社区","level":"community","parentId":"610602001"},
          {"id":"610602001001-01","name":"第一网格","level":"grid","parentId":"610602001001"},
          {"id":"610602001001-02","name":"第二网格","level":"grid","parentId":"610602001001"}
        ]
        """;

    [Fact]
    public async Task LoadAsync_takes_the_grids_in_their_communities()
    {
        var server = new FakeServer(() => FakeServer.Answer(HttpStatusCode.OK, Areas));

        var grids = await RemoteGrids.LoadAsync(new HttpClient(server), new Uri("http://city.test"), CancellationToken.None);

        Assert.Equal("http://city.test/api/areas", server.Requests[0].Uri.ToString());
        Assert.Equal(["610602001001-01", "610602001001-02"], grids.Select(g => g.GridId));
        Assert.All(grids, g => Assert.Equal("610602001001", g.CommunityId));
        Assert.All(grids, g => Assert.Equal((0.0, 0.0), (g.Lon, g.Lat)));
    }

    [Fact]
    public void Grids_without_coordinates_give_cases_without_location()
    {
        var grids = new[] { new SimulatedArea("g1", "c1", 0, 0, 300, 15) };
        var simulator = new CitySimulator(grids, new SimulatorOptions { Seed = 3, EventsPerSecond = 5 }, TestCity.Zone);

        var events = TestCity.Run(simulator, TestCity.Monday8, TestCity.Monday8.AddHours(1));

        Assert.Contains(events, e => e.Type == "case.reported");
        Assert.All(events, e => Assert.Null(e.Location));
    }
}
