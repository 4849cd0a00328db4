using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.CoBuilding;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Ingest;
using CityScreen.Domain.Ledger;
using static CityScreen.Testing.CaseSteps;

namespace CityScreen.Domain.Tests.CoBuilding;

/// <summary>The 爱心积分 board: contributors by points awarded in 30 days, named by the upstream systems, masked before they leave the leaf.</summary>
public sealed class LovePointsBoardFacts
{
    private static readonly LeafReference Grid = new(900, 320, 40, IsGrid: true, HasPartyBranch: true);

    private static CityEvent Points(string type, DateTimeOffset at, string person, int points, string? name = null) => new()
    {
        Id = Guid.NewGuid().ToString("N"), Type = type, OccurredAt = at, Source = "points", GridId = "g1", PersonId = person, Points = points, Name = name,
    };

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张小明", "张**")]
    [InlineData("欧阳娜娜", "欧阳**")]
    [InlineData("欧阳", "欧*")]
    [InlineData(" 李 ", "*")]
    [InlineData("", "居民")]
    [InlineData(null, "居民")]
    public void A_name_keeps_its_surname_and_masks_every_other_character(string? name, string masked) =>
        Assert.Equal(masked, PersonName.Mask(name));

    [Fact]
    public void Contributors_rank_by_points_awarded_in_30_days_with_names_from_the_roster_or_the_points_masked()
    {
        var ledger = new GridLedger(Grid, TestClock.Shanghai);
        ledger.Apply(new CityEvent
        {
            Id = "reg", Type = EventTypes.MemberRegistered, OccurredAt = Local(1, 9), Source = "party-cloud", GridId = "g1", MemberId = "m1", UnitId = "u1", Name = "王建国",
        });
        ledger.Apply(Points(EventTypes.PointsAwarded, Local(10, 9), "m1", 30));
        ledger.Apply(Points(EventTypes.PointsAwarded, Local(11, 9), "r1", 20, "李秀英"));
        ledger.Apply(Points(EventTypes.PointsAwarded, Local(12, 9), "r1", 20));
        ledger.Apply(Points(EventTypes.PointsRedeemed, Local(12, 10), "r1", 10));
        ledger.Apply(Points(EventTypes.PointsAwarded, Local(12, 11), "r2", 5));
        // A unit's points are not a person's.
        ledger.Apply(Points(EventTypes.PointsAwarded, Local(12, 12), "r3", 50) with { PersonId = null, UnitId = "u1" });

        var v = ledger.Compute(Local(13, 10)).Values;

        Assert.Equal([40, 10], v.LovePoints["r1"]);
        Assert.Equal([30, 0], v.LovePoints["m1"]);
        Assert.Equal(("李**", "王**", "居民"), (v.LovePointNames["r1"], v.LovePointNames["m1"], v.LovePointNames["r2"]));
        Assert.Equal(3, v.LovePoints.Count);
        Assert.DoesNotContain(v.LovePointNames.Values, n => n is "王建国" or "李秀英");
    }

    [Fact]
    public void The_top_of_a_large_board_is_the_first_of_its_full_ranking_in_order()
    {
        var random = new Random(7);
        var all = new Dictionary<string, long[]>(StringComparer.Ordinal);
        for (var i = 0; i < 500; i++)
        {
            var c = new long[LovePointCounters.Count];
            // Few distinct totals, so ties are broken by the person id; some have none awarded.
            c[(int)LovePointCounter.Awarded30] = random.Next(0, 12);
            c[(int)LovePointCounter.Redeemed30] = random.Next(0, 5);
            all[$"p{random.Next(100_000)}"] = c;
        }

        var ranked = all.Where(kv => kv.Value[(int)LovePointCounter.Awarded30] > 0)
            .OrderByDescending(kv => kv.Value[(int)LovePointCounter.Awarded30]).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(LovePointCounters.Kept).Select(kv => kv.Key).ToList();

        Assert.Equal(ranked, LovePointsBoard.Top(all).Keys.ToList());
    }

    [Fact]
    public void A_parent_keeps_the_top_contributors_of_its_children_and_their_masked_names()
    {
        var at = Local(13, 10);
        var day = DateOnly.FromDateTime(at.DateTime);
        IndicatorValues Leaf(int from, int count) => IndicatorMath.Empty(at, day) with
        {
            LovePoints = Enumerable.Range(from, count).ToDictionary(i => $"p{i:D2}", i => new long[] { i, 0 }),
            LovePointNames = Enumerable.Range(from, count).ToDictionary(i => $"p{i:D2}", _ => "张*"),
        };

        var sum = IndicatorMath.Sum([Leaf(1, 15), Leaf(16, 15)], at, day);

        Assert.Equal(LovePointCounters.Kept, sum.LovePoints.Count);
        Assert.Equal(Enumerable.Range(11, 20).Select(i => $"p{i:D2}").Order(), sum.LovePoints.Keys.Order());
        Assert.Equal(sum.LovePoints.Keys.Order(), sum.LovePointNames.Keys.Order());
    }

    [Fact]
    public void A_name_on_a_registration_or_on_points_is_optional_and_no_longer_than_a_name()
    {
        var errors = new ValidationErrors();
        var json = System.Text.Json.JsonDocument.Parse($$"""
            {"id":"p1","type":"points.awarded","occurredAt":"2026-11-10T09:00:00+08:00","gridId":"g1","source":"points","personId":"r1","points":5,"name":"{{new string('张', 33)}}"}
            """).RootElement;

        Assert.Null(EventParser.Parse(json, errors)[0]);
        Assert.Contains(errors.ToDictionary().Keys, k => k.EndsWith("name", StringComparison.Ordinal));
    }
}
