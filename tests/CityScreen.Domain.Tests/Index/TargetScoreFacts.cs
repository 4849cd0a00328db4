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
    public void Of_ScoresLinearlyBetweenFloorAndTarget(double value, double expected) =>
        Assert.Equal(expected, TargetScore.Of(value, floor: 0.60, target: 0.95), 9);

    [Theory]
    [InlineData(0.15, 0)]      // 返工率 at its floor
    [InlineData(0.02, 100)]    // at its target
    [InlineData(0.085, 50)]    // halfway: (0.15 − 0.085) / (0.15 − 0.02)
    [InlineData(0.30, 0)]      // worse than the floor
    [InlineData(0.00, 100)]    // better than the target
    public void Of_IsInvertedWhereLowerIsBetter_WithTheFloorAboveTheTarget(double value, double expected) =>
        Assert.Equal(expected, TargetScore.Of(value, floor: 0.15, target: 0.02), 9);

    [Fact]
    public void ScoreOf_IsNullWhenTheDenominatorIsZero()
    {
        var ev09 = SeedModel.Load().Indicator("EV09");
        var value = ev09.ValueOf(TestModels.Inputs(("reopened", 0), ("dueClose", 0)));

        Assert.Null(value);
        Assert.Null(ev09.ScoreOf(value));
    }

    [Fact]
    public void ValueOf_AppliesPer_ForRatesPerThousandHouseholds()
    {
        var ev03k = SeedModel.Load().Indicator("EV03K");

        var value = ev03k.ValueOf(TestModels.Inputs(("overdueOpen", 3), ("households", 600)));

        Assert.Equal(5, value);                                       // 3 / 600 × 1000
        Assert.Equal((20 - 5) / 19.0 * 100, ev03k.ScoreOf(value)!.Value, 9); // floor 20, target 1
    }

    [Fact]
    public void Of_RefusesATargetEqualToTheFloor() =>
        Assert.Throws<ArgumentException>(() => TargetScore.Of(0.5, 0.5, 0.5));
}
