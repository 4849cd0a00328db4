using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Domain.Indicators;

namespace CityScreen.Grains.Tests;

/// <summary>
/// Every area above the grids shows the sum of its children, checked against counts worked out by
/// hand: a few cases per grid whose share of each counter is known, then a second wave of steps
/// that changes them (a closing, a reopening of a closed case).
/// </summary>
public class RollupArithmeticFacts(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    // Three grids in three communities of the two streets, and the third community's own activities.
    private const string GridA = "11111", GridB = "11121", GridC = "11211", CommunityC = "1121";

    [Fact]
    public async Task Parents_show_the_sums_of_their_children_and_rates_pool_counts()
    {
        var now = fixture.Clock.Now;
        DateTimeOffset Ago(int minutes) => now.AddMinutes(-minutes);
        var a1 = new CaseSteps("RA-A1", GridA);
        var a2 = new CaseSteps("RA-A2", GridA);
        var b1 = new CaseSteps("RA-B1", GridB);
        var b2 = new CaseSteps("RA-B2", GridB);
        var b3 = new CaseSteps("RA-B3", GridB);
        var c1 = new CaseSteps("RA-C1", GridC);
        var c2 = new CaseSteps("RA-C2", GridC);
        await fixture.Ingestor.IngestAsync(
        [
            // A1 closed on time and rated satisfied; A2 open and far from its limit.
            a1.Reported(Ago(180)), a1.Filed(Ago(179), due: Ago(60)), a1.Resolved(Ago(120)), a1.Closed(Ago(110)), a1.Rated(Ago(100), 5),
            a2.Reported(Ago(120)), a2.Filed(Ago(119), due: now.AddHours(10)),
            // B1 and B3 closed late, B1 rated unsatisfied; B2 whistled and answered in 10 minutes, still open.
            b1.Reported(Ago(300)), b1.Filed(Ago(299), due: Ago(240)), b1.Closed(Ago(180)), b1.Rated(Ago(170), 2),
            b2.Reported(Ago(90)), b2.Filed(Ago(88), due: now.AddHours(2)), b2.Dispatched(Ago(80), whistle: true), b2.Responded(Ago(70)),
            b3.Reported(Ago(420)), b3.Filed(Ago(419), due: Ago(360)), b3.Closed(Ago(300)),
            // C1 open past its limit; C2 a 12345 case closed on time after a whistle answered 50 minutes late.
            c1.Reported(Ago(360)), c1.Filed(Ago(359), due: Ago(300)),
            c2.Reported(Ago(240), kind: "hotline"), c2.Filed(Ago(239), due: Ago(180)), c2.Dispatched(Ago(235), whistle: true),
            c2.Responded(Ago(185)), c2.Closed(Ago(182)),
            new CityEvent { Id = "RA-meeting", Type = EventTypes.MeetingHeld, OccurredAt = Ago(60), CommunityId = CommunityC, Source = "test", OrgId = "o1", MeetingKind = "主题党日" },
        ]);

        var grids = new Dictionary<string, Tally>
        {
            [GridA] = new(Reported: 2, Open: 1, DueClose: 1, ClosedOnTime: 1, Closed: 1, Ratings: 1, Satisfied: 1),
            [GridB] = new(Reported: 3, Open: 1, DueClose: 2, Closed: 2, Whistles: 1, WhistlesOnTime: 1, Ratings: 1),
            [GridC] = new(Reported: 2, Open: 1, Red: 1, DueClose: 2, ClosedOnTime: 1, Closed: 1, Whistles: 1, HotlineDue: 1, HotlineOnTime: 1),
        };
        var direct = new Dictionary<string, Tally> { [CommunityC] = new(Meetings: 1) };
        await EveryAreaShowsAsync(grids, direct);

        // 按期结案率 pools counts: street 111 closed 1 of 3 cases on time (A: 1 of 1, B: 0 of 2), not the mean of 100 % and 0 %.
        var street = (await fixture.Cluster.Client.GetSnapshotAsync(fixture.Tree.Get("111"))).Values;
        Assert.Equal(1.0 / 3, IndicatorCatalog.Get("EV08").ValueOf(street)!.Value, precision: 9);

        // A second wave: A2 closes on time; A1 is reopened after its closing, so it is open, red
        // (its limit passed an hour ago) and no longer closed on time.
        await fixture.Ingestor.IngestAsync([a2.Closed(Ago(1)), a1.Reopened(Ago(30))]);
        grids[GridA] = new(Reported: 2, Open: 1, Red: 1, DueClose: 2, ClosedOnTime: 1, Closed: 1, Reopened: 1, Ratings: 1, Satisfied: 1);
        await EveryAreaShowsAsync(grids, direct);
    }

    /// <summary>Waits until every area shows the hand-made tallies: a grid its own, an area above the sum of its subtree.</summary>
    private async Task EveryAreaShowsAsync(IReadOnlyDictionary<string, Tally> grids, IReadOnlyDictionary<string, Tally> direct)
    {
        var tree = fixture.Tree;
        Tally Expected(Area area) => AreaGrainFactory.IsLeaf(area)
            ? grids.GetValueOrDefault(area.Id, Tally.Zero)
            : tree.Children(area.Id).Aggregate(direct.GetValueOrDefault(area.Id, Tally.Zero), (sum, child) => sum + Expected(child));

        await Eventually.HoldsAsync(async () =>
        {
            foreach (var area in tree.All)
            {
                var snapshot = await fixture.Cluster.Client.GetSnapshotAsync(area);
                var shown = Tally.Of(snapshot.Values);
                if (shown != Expected(area) || !snapshot.Complete) return (false, $"{area.Id} shows {shown}, expected {Expected(area)} (complete: {snapshot.Complete})");
            }
            return (true, "");
        });
    }
}
