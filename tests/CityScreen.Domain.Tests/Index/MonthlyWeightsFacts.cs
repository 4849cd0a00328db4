using CityScreen.Domain.Index;

namespace CityScreen.Domain.Tests.Index;

public class MonthlyWeightsFacts
{
    [Fact]
    public void Freeze_gives_the_hand_computed_dimension_weights()
    {
        var model = TestModels.Load(TestModels.TwoDimensions);
        // Scores (floor 0.5, target 1): 满意 100, 50, 50 and 效能 100, 0, 0 — the matrix of
        // EntropyWeightsFacts, whose entropy weights are 0.050878 and 0.949122. With AHP 0.5 / 0.5:
        // 0.5 × 0.5 + 0.5 × 0.050878 = 0.275439 and 0.5 × 0.5 + 0.5 × 0.949122 = 0.724561.
        Dictionary<string, double>[] areas =
        [
            TestModels.Inputs(("satisfied", 4), ("ratings", 4), ("closedOnTime", 2), ("dueClose", 2)),
            TestModels.Inputs(("satisfied", 3), ("ratings", 4), ("closedOnTime", 1), ("dueClose", 2)),
            TestModels.Inputs(("satisfied", 3), ("ratings", 4), ("closedOnTime", 0), ("dueClose", 2)),
        ];

        var weights = MonthlyWeights.Freeze(model, new DateOnly(2026, 11, 17), "community", areas);

        Assert.Equal(new DateOnly(2026, 11, 1), weights.Month);
        Assert.Equal(("test.2", "community"), (weights.ModelVersion, weights.Level));
        Assert.Equal(0.050878, weights.Dimensions[0].Entropy!.Value, 6);
        Assert.Equal(0.275439, weights.Dimensions[0].Weight, 6);
        Assert.Equal(0.724561, weights.Dimensions[1].Weight, 6);
        Assert.Equal(0.5, weights.Dimensions[1].Prior, 9);
        Assert.Equal(1, weights.Indicators["SA01"]);   // alone in its dimension
    }

    [Fact]
    public void Freeze_on_the_seed_model_gives_weights_that_sum_to_one_and_none_to_an_indicator_that_does_not_vary()
    {
        var model = SeedModel.Load();
        var random = new Random(11);
        var areas = Enumerable.Range(0, 40).Select(_ => IndexCalculatorFacts.RandomGrid(random)).ToList();
        foreach (var area in areas) area["gridsWithBranch"] = 1;   // every grid has a branch: PM03 = 100 everywhere

        var weights = MonthlyWeights.Freeze(model, new DateOnly(2026, 11, 1), "grid", areas);

        Assert.Equal(0, weights.Indicators["PM03"]);
        foreach (var d in model.Dimensions)
            Assert.Equal(1, d.Indicators.Sum(i => weights.Indicators[i.Id]), 12);
        Assert.Equal(1, weights.Dimensions.Sum(d => d.Weight), 12);
        Assert.Equal(1, weights.Dimensions.Sum(d => d.Entropy!.Value), 12);
        Assert.All(weights.Dimensions, d => Assert.Equal(0.5 * d.Prior + 0.5 * d.Entropy!.Value, d.Weight, 12));
    }

    [Fact]
    public void Priors_are_the_AHP_priorities_and_equal_weights_inside()
    {
        var model = SeedModel.Load();

        var weights = MonthlyWeights.Priors(model, new DateOnly(2026, 11, 1), "grid");

        Assert.Equal(model.Ahp.Priorities, weights.Dimensions.Select(d => d.Weight));
        Assert.All(weights.Dimensions, d => Assert.Null(d.Entropy));
        Assert.Equal(1.0 / 6, weights.Indicators["EV08"], 12);
        Assert.Equal(0.5, weights.Indicators["SA01"], 12);
    }
}
