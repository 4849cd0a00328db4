using CityScreen.Domain.Index;

namespace CityScreen.Domain.Tests.Index;

public class EntropyWeightsFacts
{
    [Fact]
    public void Of_gives_the_hand_computed_weights()
    {
        // Three areas. Column 0: 100, 50, 50 → p = 1/2, 1/4, 1/4,
        //   e = −(½ ln ½ + 2 · ¼ ln ¼) / ln 3 = 1.5 ln 2 / ln 3 = 1.039721 / 1.098612 = 0.946395, d = 0.053605.
        // Column 1: 100, 0, 0 → p = 1, 0, 0, e = 0 (0 ln 0 = 0), d = 1.
        // Column 2: 80, 80, 80 → no variation, d = 0.
        // w = d / Σd = 0.053605 / 1.053605, 1 / 1.053605, 0 = 0.050878, 0.949122, 0.
        double?[][] scores = [[100, 100, 80], [50, 0, 80], [50, 0, 80]];

        var w = EntropyWeights.Of(scores, 3);

        Assert.Equal(0.050878, w[0], 6);
        Assert.Equal(0.949122, w[1], 6);
        Assert.Equal(0, w[2]);
    }

    [Fact]
    public void Of_columns_that_vary_alike_weigh_alike()
    {
        // 90, 60, 30 and 20, 40, 60 have the same shares up to order: p = 1/2, 1/3, 1/6 both.
        double?[][] scores = [[90, 20], [60, 40], [30, 60]];

        var w = EntropyWeights.Of(scores, 2);

        Assert.Equal(0.5, w[0], 9);
        Assert.Equal(0.5, w[1], 9);
    }

    [Fact]
    public void Of_is_equal_weights_when_no_column_varies()
    {
        double?[][] scores = [[100, 0, 70], [100, 0, 70]];

        Assert.Equal([1.0 / 3, 1.0 / 3, 1.0 / 3], EntropyWeights.Of(scores, 3));
    }

    [Fact]
    public void Of_uses_only_the_areas_with_a_value_in_each_column()
    {
        // Column 1 has values for two areas only: 100 and 0 → p = 1, 0, e = 0, d = 1, same as column 0's 100, 0.
        double?[][] scores = [[100, 100], [0, null], [0, 0]];

        var w = EntropyWeights.Of(scores, 2);

        // Column 0: p = 1, 0, 0 → e = 0, d = 1. Both d = 1 → equal.
        Assert.Equal(0.5, w[0], 9);
        Assert.Equal(0.5, w[1], 9);
    }

    [Fact]
    public void Of_gives_no_weight_to_a_column_with_a_single_value()
    {
        double?[][] scores = [[100, 30], [50, null]];

        Assert.Equal([1.0, 0.0], EntropyWeights.Of(scores, 2));
    }

    [Fact]
    public void Of_refuses_negative_scores() =>
        Assert.Throws<ArgumentException>(() => EntropyWeights.Of([[-1.0], [2.0]], 1));
}
