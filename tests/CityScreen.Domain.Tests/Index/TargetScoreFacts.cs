using CityScreen.Domain.Index;

namespace CityScreen.Domain.Tests.Index;

public class TargetScoreFacts
{
    [Theory]
    [InlineData(0.60, 0)]      // at the floor
    [InlineData(0.95, 100)]    // at the target
    [InlineData(0.80, 57.142857142857)] // (0.80 − 0.60) / (0.95 − 0.60) = 4/7
    [InlineData(0.40, 0)]      // below the floor: clipped
    [InlineData(1.00, 100)]    // beyond the target: clipped
    public void Of_scores_linearly_between_floor_and_target(double value, double expected) =>
        Assert.Equal(expected, TargetScore.Of(value, floor: 0.60, target: 0.95), 9);

    [Theory]
    [InlineData(0.15, 0)]      // 返工率 at its floor
    [InlineData(0.02, 100)]    // at its target
    [InlineData(0.085, 50)]    // halfway: (0.15 − 0.085) / (0.15 − 0.02)
    [InlineData(0.30, 0)]      // worse than the floor
    [InlineData(0.00, 100)]    // better than the target
    public void Of_is_inverted_where_lower_is_better_with_the_floor_above_the_target(double value, double expected) =>
        Assert.Equal(expected, TargetScore.Of(value, floor: 0.15, target: 0.02), 9);

    [Fact]
    public void ScoreOf_is_null_when_the_denominator_is_zero()
    {
        var ev09 = SeedModel.Load().Indicator("EV09");
        var value = ev09.ValueOf(TestModels.Inputs(("reopened", 0), ("dueClose", 0)));

        Assert.Null(value);
        Assert.Null(ev09.ScoreOf(value));
    }

    [Fact]
    public void ValueOf_applies_per_for_rates_per_thousand_households()
    {
        var ev03k = SeedModel.Load().Indicator("EV03K");

        var value = ev03k.ValueOf(TestModels.Inputs(("overdueOpen", 3), ("households", 600)));

        Assert.Equal(5, value);                                       // 3 / 600 × 1000
        Assert.Equal((20 - 5) / 19.0 * 100, ev03k.ScoreOf(value)!.Value, 9); // floor 20, target 1
    }

    [Fact]
    public void Of_refuses_a_target_equal_to_the_floor() =>
        Assert.Throws<ArgumentException>(() => TargetScore.Of(0.5, 0.5, 0.5));
}
