using CityScreen.Domain.Index;

namespace CityScreen.Domain.Tests.Index;

public sealed class IndexComparisonFacts
{
    private static IndexExplanation Night(double? value, double w1, double a, double b, double w2, double c) => new("x", new DateOnly(2026, 11, 2), value, "t",
    [
        new DimensionExplanation("D1", "组织覆盖", w1, 0.5 * a + 0.5 * b, [new IndicatorExplanation("A", "甲", 1, a, 0.5, 1, 1), new IndicatorExplanation("B", "乙", 1, b, 0.5, 1, 1)]),
        new DimensionExplanation("D2", "治理效能", w2, c, [new IndicatorExplanation("C", "丙", 1, c, 1, 1, 1)]),
    ]);

    [Fact]
    public void Contributions_in_points_add_up_to_the_change_even_when_the_weights_changed()
    {
        // Today: 0.4 × (0.5 × 100 + 0.5 × 80) + 0.6 × 70 = 36 + 42 = 78.
        // Before: 0.5 × (0.5 × 60 + 0.5 × 100) + 0.5 × 60 = 40 + 30 = 70.
        var movement = IndexComparison.Of(Night(78, 0.4, 100, 80, 0.6, 70), Night(70, 0.5, 60, 100, 0.5, 60));

        Assert.Equal(70, movement.PreviousValue);
        Assert.Equal(8, movement.Change!.Value, 12);
        var d1 = movement.Dimensions[0];
        var d2 = movement.Dimensions[1];
        // D1: 36 − 40 = −4, of which A: 0.4 × 0.5 × 100 − 0.5 × 0.5 × 60 = 20 − 15 = 5 and B: 16 − 25 = −9.
        Assert.Equal(-4, d1.Change, 12);
        Assert.Equal(5, d1.Indicators[0].Change, 12);
        Assert.Equal(-9, d1.Indicators[1].Change, 12);
        // D2: 0.6 × 70 − 0.5 × 60 = 12.
        Assert.Equal(12, d2.Change, 12);
        Assert.Equal(movement.Change.Value, movement.Dimensions.Sum(d => d.Change), 12);
        Assert.All(movement.Dimensions, d => Assert.Equal(d.Change, d.Indicators.Sum(i => i.Change), 12));
        Assert.Equal(60, d1.Indicators[0].PreviousScore);
    }

    [Fact]
    public void Without_a_night_before_there_is_no_change()
    {
        var movement = IndexComparison.Of(Night(78, 0.4, 100, 80, 0.6, 70), null);

        Assert.Null(movement.PreviousValue);
        Assert.Null(movement.Change);
        Assert.Null(movement.Dimensions[0].Indicators[0].PreviousScore);
    }
}
