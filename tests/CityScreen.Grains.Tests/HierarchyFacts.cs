using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;

namespace CityScreen.Grains.Tests;

public class HierarchyFacts(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Every_parent_equals_the_sum_of_its_children_after_random_events()
    {
        var tree = fixture.Tree;
        var events = RandomEvents.Generate(42, TestCity.Grids(tree), tree.AtLevel(AreaLevel.Community).Select(c => c.Id).ToList(), fixture.Clock.Now, cases: 300);
        foreach (var batch in events.Chunk(37)) await fixture.Ingestor.IngestAsync(batch);
        var reported = events.Count(e => e.Type == EventTypes.CaseReported && e.OccurredAt > fixture.Clock.Now.AddDays(-30));

        await Eventually.HoldsAsync(async () =>
        {
            var city = await fixture.Cluster.Client.GetSnapshotAsync(tree.Root);
            return (city.Values[Counter.Reported30] == reported, $"city Reported30 {city.Values[Counter.Reported30]} of {reported}");
        });
        await Eventually.HoldsAsync(async () =>
        {
            foreach (var area in tree.All.Where(a => !AreaGrainFactory.IsLeaf(a)))
            {
                var parent = await fixture.Cluster.Client.GetSnapshotAsync(area);
                var children = new List<IndicatorValues>();
                foreach (var child in tree.Children(area.Id)) children.Add((await fixture.Cluster.Client.GetSnapshotAsync(child)).Values);
                if (area.Level == AreaLevel.Community)
                    children.Add((await fixture.Cluster.Client.GetGrain<Contracts.Grains.IGridGrain>(area.Id).GetSnapshotAsync()).Values);
                var sum = IndicatorMath.Sum(children, parent.Values.HourAnchor, parent.Values.DayAnchor);
                // The one exception to plain sums: a community counts each serving member once over its leaves (PM01).
                if (area.Level == AreaLevel.Community) MemberRoster.CountOnce(sum.Counters, children);
                if (!IndicatorMath.SameAs(parent.Values, sum)) return (false, $"{area} differs from the sum of its children");
            }
            return (true, "");
        });

        var root = (await fixture.Cluster.Client.GetSnapshotAsync(tree.Root)).Values;
        Assert.Equal(12, root[Counter.Grids]);
        Assert.Equal(12 * 300, root[Counter.Households]);
        Assert.True(root[Counter.Meetings30] > 0, "community-level activities reach the city");
        Assert.True(root[Counter.DueClose30] > 0 && root[Counter.Ratings30] > 0);
    }

    [Fact]
    public async Task A_resent_event_is_counted_once()
    {
        var grid = TestCity.Grids(fixture.Tree)[0];
        var e = new CityEvent
        {
            Id = "resend-1", Type = EventTypes.MemberCheckin, OccurredAt = fixture.Clock.Now.AddMinutes(-1),
            GridId = grid, Source = "test", MemberId = "resend-member", UnitId = "u1",
        };
        var before = (await fixture.Cluster.Client.GetSnapshotAsync(fixture.Tree.Get(grid))).Values;

        var first = await fixture.Ingestor.IngestAsync([e]);
        var second = await fixture.Ingestor.IngestAsync([e]);

        Assert.Equal((1, 0), (first.Accepted, first.Duplicates));
        Assert.Equal((0, 1), (second.Accepted, second.Duplicates));
        // A marker after the resend (points, which no check-in moves): the grid applies its events in
        // order, so the first snapshot that shows the marker has everything the resend did to the grid.
        var marker = new CityEvent
        {
            Id = "resend-marker", Type = EventTypes.PointsAwarded, OccurredAt = fixture.Clock.Now.AddMinutes(-1),
            GridId = grid, Source = "test", PersonId = "resend-person", Points = 7,
        };
        await fixture.Ingestor.IngestAsync([marker]);
        IndicatorValues after = null!;
        await Eventually.HoldsAsync(async () =>
        {
            after = (await fixture.Cluster.Client.GetSnapshotAsync(fixture.Tree.Get(grid))).Values;
            return (after[Counter.Points30] == before[Counter.Points30] + 7, $"{after[Counter.Points30]} points, expected {before[Counter.Points30] + 7}");
        });
        Assert.Equal(before[Counter.CheckinsToday] + 1, after[Counter.CheckinsToday]);
    }
}
