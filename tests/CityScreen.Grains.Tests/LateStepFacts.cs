using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;

namespace CityScreen.Grains.Tests;

/// <summary>
/// Upstream systems send late and out of order: a grid that gets the steps of its cases shuffled,
/// in small batches, closings before filings and a reopening after the closing it undid, ends
/// with the same indicators as a grid that got the same steps one by one in order.
/// </summary>
public class LateStepFacts(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    // Two grids in different streets, so neither's numbers can leak into the other's parent.
    private const string InOrder = "11111", Shuffled = "11211";

    [Fact]
    public async Task Late_and_out_of_order_steps_end_with_the_same_indicators_as_steps_in_order()
    {
        var now = fixture.Clock.Now;
        var ordered = Lifecycles(InOrder, now).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        // The same steps for the other grid, newest first, then shuffled by a fixed seed within batches of three.
        var random = new Random(7);
        var shuffled = Lifecycles(Shuffled, now).OrderByDescending(e => e.OccurredAt).Chunk(3).SelectMany(b => b.OrderBy(_ => random.Next())).ToList();

        foreach (var e in ordered) await fixture.Ingestor.IngestAsync([e]);
        foreach (var batch in shuffled.Chunk(2)) await fixture.Ingestor.IngestAsync(batch);

        var expected = new Tally(Reported: 5, Open: 2, Red: 1, DueClose: 3, ClosedOnTime: 1, Closed: 2, Reopened: 2,
            Whistles: 2, WhistlesOnTime: 1, Ratings: 1, Satisfied: 1, HotlineDue: 1, HotlineOnTime: 1);
        await Eventually.HoldsAsync(async () =>
        {
            var inOrder = await SnapshotAsync(InOrder);
            var late = await SnapshotAsync(Shuffled);
            return (Tally.Of(inOrder.Values) == expected && IndicatorMath.SameAs(inOrder.Values, late.Values),
                $"in order {Tally.Of(inOrder.Values)}, shuffled {Tally.Of(late.Values)}, expected {expected}");
        });

        // The response means and the category and hourly buckets agree too, not only the counts above.
        var a = (await SnapshotAsync(InOrder)).Values;
        var b = (await SnapshotAsync(Shuffled)).Values;
        Assert.Equal((a[Counter.ResponseSeconds30], a[Counter.CloseSeconds30]), (b[Counter.ResponseSeconds30], b[Counter.CloseSeconds30]));
        Assert.True(a[Counter.ResponseSeconds30] > 0 && a[Counter.CloseSeconds30] > 0);
        Assert.Equal(a.Categories30, b.Categories30);
        Assert.Equal(a.ClosedHourly, b.ClosedHourly);
    }

    private Task<IndicatorSnapshot> SnapshotAsync(string grid) => fixture.Cluster.Client.GetSnapshotAsync(fixture.Tree.Get(grid));

    /// <summary>Five cases whose outcome depends on which of their steps stand, whatever order they come in.</summary>
    private static IEnumerable<CityEvent> Lifecycles(string grid, DateTimeOffset now)
    {
        DateTimeOffset Ago(int minutes) => now.AddMinutes(-minutes);
        var reworked = new CaseSteps($"LS-{grid}-reworked", grid);   // resolved, reopened, resolved again, closed late
        var reopened = new CaseSteps($"LS-{grid}-reopened", grid);   // closed on time, then reopened: open and red
        var whistled = new CaseSteps($"LS-{grid}-whistled", grid);   // two dispatches; the first, a whistle, answered in time
        var hotline = new CaseSteps($"LS-{grid}-hotline", grid);     // 12345, whistle answered late, closed on time, rated 5
        var rejected = new CaseSteps($"LS-{grid}-rejected", grid);   // filed, then rejected: never falls due
        return
        [
            reworked.Reported(Ago(600)), reworked.Filed(Ago(590), due: Ago(300)), reworked.Resolved(Ago(400)), reworked.Reopened(Ago(350)),
            reworked.Resolved(Ago(280)), reworked.Closed(Ago(270)),
            reopened.Reported(Ago(500)), reopened.Filed(Ago(495), due: Ago(100)), reopened.Closed(Ago(200)), reopened.Reopened(Ago(150)),
            whistled.Reported(Ago(90)), whistled.Filed(Ago(89), due: now.AddHours(5)), whistled.Dispatched(Ago(80), whistle: true),
            whistled.Dispatched(Ago(60)), whistled.Responded(Ago(55)),
            hotline.Reported(Ago(400), kind: "hotline"), hotline.Filed(Ago(399), due: Ago(200)), hotline.Dispatched(Ago(390), whistle: true),
            hotline.Responded(Ago(300)), hotline.Closed(Ago(210)), hotline.Rated(Ago(140), 5),
            rejected.Reported(Ago(300)), rejected.Filed(Ago(299), due: Ago(100)), rejected.Rejected(Ago(250)),
        ];
    }
}
