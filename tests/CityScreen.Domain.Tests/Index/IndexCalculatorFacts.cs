using CityScreen.Domain.Index;

namespace CityScreen.Domain.Tests.Index;

public class IndexCalculatorFacts
{
    private static readonly DateOnly Day = new(2026, 11, 20);

    [Fact]
    public void Compute_a_pooled_parent_is_not_the_average_of_its_children()
    {
        var model = TestModels.Load(TestModels.TwoDimensions);
        var calculator = new IndexCalculator(model, MonthlyWeights.Priors(model, Day, "community"));   // 0.5 / 0.5
        // Scores run from 0 at a rate of 0.5 to 100 at 1.
        // Child a: 10 / 10 satisfied → 100, 1 / 2 on time → 0: index 50.
        var a = TestModels.Inputs(("satisfied", 10), ("ratings", 10), ("closedOnTime", 1), ("dueClose", 2));
        // Child b: 45 / 90 satisfied → 0, 9 / 9 on time → 100: index 50.
        var b = TestModels.Inputs(("satisfied", 45), ("ratings", 90), ("closedOnTime", 9), ("dueClose", 9));
        // Their parent pools the counts: 55 / 100 → (0.55 − 0.5) / 0.5 = 10;
        // 10 / 11 → (10/11 − 0.5) / 0.5 = 81.818…; index 0.5 × 10 + 0.5 × 81.818… = 45.909…, not 50.
        var parent = Pool(a, b);

        var childA = calculator.Compute("a", Day, a).Value!.Value;
        var childB = calculator.Compute("b", Day, b).Value!.Value;
        var pooled = calculator.Compute("p", Day, parent).Value!.Value;

        Assert.Equal(50, childA, 9);
        Assert.Equal(50, childB, 9);
        Assert.Equal(5 + (10.0 / 11 - 0.5) * 100, pooled, 9);
        Assert.NotEqual((childA + childB) / 2, pooled, 3);
    }

    [Fact]
    public void Compute_value_is_the_weighted_sum_of_scores_at_every_level()
    {
        var model = SeedModel.Load();
        var random = new Random(4);
        var grids = Enumerable.Range(0, 12).Select(_ => RandomGrid(random)).ToList();
        var communities = grids.Chunk(3).Select(Pool).ToList();
        var street = Pool(communities.ToArray());

        foreach (var (level, areas) in new[] { ("grid", grids), ("community", communities), ("street", [street]) })
        {
            var calculator = new IndexCalculator(model, MonthlyWeights.Freeze(model, Day, level, areas));
            foreach (var inputs in areas)
            {
                var index = calculator.Compute("x", Day, inputs);
                AssertAddsUp(index);
                Assert.InRange(index.Value!.Value, 0, 100);
            }
        }
    }

    [Fact]
    public void Compute_renormalises_over_the_indicators_that_have_a_value()
    {
        var model = SeedModel.Load();
        var calculator = new IndexCalculator(model, MonthlyWeights.Priors(model, Day, "grid"));
        var inputs = RandomGrid(new Random(7));
        inputs["ordersPlaced"] = 0;      // no 群众点单 this month: DS01 has no value
        inputs["ordersDueClose"] = 0;    // nor DS02
        inputs["needs"] = 0;             // nor NR01

        var index = calculator.Compute("g1", Day, inputs);

        var d2 = index.Dimensions.Single(d => d.Id == "D2");
        var ds01 = d2.Indicators.Single(i => i.Id == "DS01");
        Assert.Null(ds01.Value);
        Assert.Null(ds01.Score);
        Assert.Equal(0, ds01.Weight);
        Assert.All(d2.Indicators.Where(i => i.Id != "DS01"), i => Assert.Equal(0.5, i.Weight, 12));   // ⅓ each, renormalised
        var d3 = index.Dimensions.Single(d => d.Id == "D3");
        Assert.Equal(1, d3.Indicators.Single(i => i.Id == "PJ01").Weight, 12);                      // the only one left
        AssertAddsUp(index);
    }

    [Fact]
    public void Compute_leaves_out_a_dimension_without_any_value()
    {
        var model = SeedModel.Load();
        var calculator = new IndexCalculator(model, MonthlyWeights.Priors(model, Day, "grid"));
        var inputs = RandomGrid(new Random(8));
        inputs["ratings"] = 0;
        inputs["complaints"] = 0;

        var index = calculator.Compute("g1", Day, inputs);

        var d5 = index.Dimensions.Single(d => d.Id == "D5");
        Assert.Null(d5.Score);
        Assert.Equal(0, d5.Weight);
        Assert.Equal(model.Ahp.Priorities[0] / (1 - model.Ahp.Priorities[4]), index.Dimensions[0].Weight, 12);
        AssertAddsUp(index);
    }

    [Fact]
    public void Compute_has_no_value_when_nothing_can_be_scored()
    {
        var model = TestModels.Load(TestModels.TwoDimensions);
        var calculator = new IndexCalculator(model, MonthlyWeights.Priors(model, Day, "grid"));

        var index = calculator.Compute("g1", Day, TestModels.Inputs());

        Assert.Null(index.Value);
        Assert.All(index.Dimensions, d => Assert.Null(d.Score));
    }

    [Fact]
    public void Compute_explains_each_indicator_with_its_counts()
    {
        var model = TestModels.Load(TestModels.TwoDimensions);
        var calculator = new IndexCalculator(model, MonthlyWeights.Priors(model, Day, "grid"));

        var index = calculator.Compute("g1", Day, TestModels.Inputs(("satisfied", 9), ("ratings", 10)));

        Assert.Equal("g1", index.AreaId);
        Assert.Equal(Day, index.Date);
        Assert.Equal("test.2", index.ModelVersion);
        var sa01 = index.Dimensions[0].Indicators.Single();
        Assert.Equal(("SA01", "群众满意率", 9.0, 10.0), (sa01.Id, sa01.Name, sa01.Numerator, sa01.Denominator));
        Assert.Equal(0.9, sa01.Value!.Value, 12);
        Assert.Equal(80, sa01.Score!.Value, 9);
        Assert.Equal(80, index.Value!.Value, 9);   // D2 has no value, D1 carries the index alone
    }

    [Fact]
    public void Ctor_refuses_weights_frozen_for_another_model_version()
    {
        var model = TestModels.Load(TestModels.TwoDimensions);
        var weights = MonthlyWeights.Priors(model, Day, "grid") with { ModelVersion = "2025.9" };

        Assert.Throws<ArgumentException>(() => new IndexCalculator(model, weights));
    }

    [Fact]
    public void Compute_refuses_a_negative_count()
    {
        var model = TestModels.Load(TestModels.TwoDimensions);
        var calculator = new IndexCalculator(model, MonthlyWeights.Priors(model, Day, "grid"));

        Assert.Throws<ArgumentException>(() => calculator.Compute("g1", Day, TestModels.Inputs(("ratings", -1))));
    }

    internal static void AssertAddsUp(IndexExplanation index)
    {
        Assert.Equal(index.Value!.Value, index.Dimensions.Sum(d => d.Weight * (d.Score ?? 0)), 9);
        Assert.Equal(1, index.Dimensions.Sum(d => d.Weight), 12);
        foreach (var d in index.Dimensions.Where(d => d.Score is not null))
        {
            Assert.Equal(d.Score!.Value, d.Indicators.Sum(i => i.Weight * (i.Score ?? 0)), 9);
            Assert.Equal(1, d.Indicators.Sum(i => i.Weight), 12);
        }
    }

    internal static Dictionary<string, double> Pool(params IReadOnlyDictionary<string, double>[] areas) =>
        areas.SelectMany(a => a).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal);

    /// <summary>A month of one grid of a few hundred households, with counts in plausible ranges.</summary>
    internal static Dictionary<string, double> RandomGrid(Random r)
    {
        int Upto(int n) => r.Next(n + 1);
        var households = 150 + Upto(450);
        var membersExpected = 5 + Upto(25);
        var membersCheckedIn = Upto(membersExpected);
        var meetingsExpected = 2 + Upto(2);
        var ordersPlaced = 1 + Upto(8);
        var ordersDueClose = Upto(ordersPlaced);
        var projectsClaimed = 1 + Upto(6);
        var needs = 1 + Upto(10);
        var dueResolve = 10 + Upto(50);
        var dueClose = 10 + Upto(50);
        var hotlineDue = 1 + Upto(15);
        var whistles = 1 + Upto(6);
        var ratings = 5 + Upto(30);
        var complaints = 1 + Upto(15);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["grids"] = 1,
            ["gridsWithBranch"] = r.NextDouble() < 0.8 ? 1 : 0,
            ["households"] = households,
            ["membersExpected"] = membersExpected,
            ["overdueOpen"] = Upto(6),
            ["membersCheckedIn"] = membersCheckedIn,
            ["membersServing"] = Upto(membersCheckedIn),
            ["meetingsHeld"] = Upto(meetingsExpected + 1),
            ["meetingsExpected"] = meetingsExpected,
            ["volunteerHours"] = Math.Round(r.NextDouble() * 4 * membersExpected, 2),
            ["ordersPlaced"] = ordersPlaced,
            ["ordersResponded"] = Upto(ordersPlaced),
            ["ordersDueClose"] = ordersDueClose,
            ["ordersClosedOnTime"] = Upto(ordersDueClose),
            ["projectsClaimed"] = projectsClaimed,
            ["projectsCompleted"] = Upto(projectsClaimed),
            ["needs"] = needs,
            ["needsMatched"] = Upto(needs),
            ["dueResolve"] = dueResolve,
            ["resolvedOnTime"] = dueResolve - Upto(dueResolve / 3),
            ["dueClose"] = dueClose,
            ["closedOnTime"] = dueClose - Upto(dueClose / 3),
            ["reopened"] = Upto(dueClose / 8),
            ["hotlineDue"] = hotlineDue,
            ["hotlineOnTime"] = hotlineDue - Upto(hotlineDue / 3),
            ["whistles"] = whistles,
            ["whistlesOnTime"] = whistles - Upto(whistles / 2),
            ["ratings"] = ratings,
            ["satisfied"] = ratings - Upto(ratings / 4),
            ["complaints"] = complaints,
            ["repeatComplaints"] = Upto(complaints / 3),
        };
    }
}
