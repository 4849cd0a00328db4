using System.Text.Json.Nodes;
using CityScreen.Domain.Index;
using static CityScreen.Domain.Tests.Index.TestModels;

namespace CityScreen.Domain.Tests.Index;

public sealed class CredibilityFacts
{
    /// <summary>
    /// <see cref="TestModels.TwoDimensions"/> with k = 20 on both rates and, in 效能, WB01 吹哨报到及时率
    /// (whistlesOnTime / whistles, floor 0.6, target 0.95, k = 20).
    /// </summary>
    private static readonly IndexModel Model = Load(Edit(TwoDimensions, m =>
    {
        m["inputs"]!.AsArray().Add(JsonNode.Parse("""{ "id": "whistles", "name": "吹哨次数", "kind": "flow" }"""));
        m["inputs"]!.AsArray().Add(JsonNode.Parse("""{ "id": "whistlesOnTime", "name": "按时报到吹哨次数", "kind": "flow" }"""));
        m["dimensions"]![0]!["indicators"]![0]!["credibility"] = 20;
        m["dimensions"]![1]!["indicators"]![0]!["credibility"] = 20;
        m["dimensions"]![1]!["indicators"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "WB01", "name": "吹哨报到及时率", "numerator": "whistlesOnTime", "denominator": "whistles", "target": 0.95, "floor": 0.6, "lowerIsBetter": false, "credibility": 20 }
            """));
    }));

    private static readonly DateOnly Month = new(2026, 11, 1);

    [Fact]
    public void A_rate_on_few_cases_is_shrunk_toward_its_parents_by_its_credibility_weight()
    {
        var calculator = new IndexCalculator(Model, MonthlyWeights.Priors(Model, Month, "community"));
        var child = Inputs(("satisfied", 9), ("ratings", 10));
        var parent = Inputs(("satisfied", 160), ("ratings", 200));

        var d1 = calculator.Compute("c", Month, child, parent).Dimensions[0].Indicators[0];

        // z = 10 / (10 + 20) = 1/3; shrunk = 1/3 × 0.9 + 2/3 × 0.8 = 0.8333…; score = (0.8333 − 0.5) / 0.5 × 100 = 66.67.
        Assert.Equal(0.9, d1.RawValue!.Value, 12);
        Assert.Equal(1.0 / 3, d1.Credibility!.Value, 12);
        Assert.Equal(0.3 + 0.8 * 2 / 3, d1.Value!.Value, 12);
        Assert.Equal(200.0 / 3, d1.Score!.Value, 9);
    }

    [Fact]
    public void The_root_and_a_rate_its_parent_lacks_are_not_shrunk()
    {
        var calculator = new IndexCalculator(Model, MonthlyWeights.Priors(Model, Month, "city"));
        var inputs = Inputs(("satisfied", 9), ("ratings", 10));

        var root = calculator.Compute("city", Month, inputs).Dimensions[0].Indicators[0];
        var orphan = calculator.Compute("c", Month, inputs, Inputs()).Dimensions[0].Indicators[0];

        Assert.Equal(0.9, root.Value!.Value, 12);
        Assert.Equal(1, root.Credibility);
        Assert.Equal(0.9, orphan.Value!.Value, 12);
        Assert.Equal(1, orphan.Credibility);
    }

    [Fact]
    public void One_whistle_per_grid_no_longer_takes_its_dimension()
    {
        // Three grids, one whistle each (on time, late, late: WB01 scores 100, 0, 0) and 50 cases
        // each closed 45, 40, 35 on time (EV08 0.9, 0.8, 0.7: scores 80, 60, 40).
        var grids = new[] { (45, 1), (40, 0), (35, 0) }
            .Select(g => (IReadOnlyDictionary<string, double>)Inputs(("closedOnTime", g.Item1), ("dueClose", 50), ("whistlesOnTime", g.Item2), ("whistles", 1)))
            .ToList();

        // Plain entropy: WB01's p = (1, 0, 0) has entropy 0, d = 1; EV08's p = (4/9, 3/9, 2/9) has
        // e = 1.0608 / ln 3 = 0.9656, d = 0.0344: WB01 would take 1 / 1.0344 = 96.7 % of 效能.
        var plain = EntropyWeights.Of([[80.0, 100.0], [60.0, 0.0], [40.0, 0.0]], 2);
        Assert.Equal(0.967, plain[1], 3);

        // One whistle is below WB01's k = 20 cases: no grid informs its entropy, it gets weight 0.
        var weights = MonthlyWeights.Freeze(Model, Month, "grid", grids);
        Assert.Equal(0, weights.Indicators["WB01"]);
        Assert.Equal(1, weights.Indicators["EV08"]);
    }
}
