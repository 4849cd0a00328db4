using CityScreen.Domain.Index;

namespace CityScreen.Domain.Tests.Index;

public class DimensionWeightsFacts
{
    [Fact]
    public void Combine_is_half_prior_half_entropy()
    {
        var w = DimensionWeights.Combine([0.6, 0.4], [0.2, 0.8]);

        Assert.Equal(0.4, w[0], 12);   // 0.5 × 0.6 + 0.5 × 0.2
        Assert.Equal(0.6, w[1], 12);   // 0.5 × 0.4 + 0.5 × 0.8
    }

    [Fact]
    public void Combine_normalises_to_one_when_the_inputs_do_not()
    {
        var w = DimensionWeights.Combine([0.5, 0.5], [0.3, 0.3]);   // Σ = 0.8

        Assert.Equal(0.5, w[0], 12);
        Assert.Equal(1, w.Sum(), 12);
    }

    [Fact]
    public void Combine_refuses_lists_of_different_lengths() =>
        Assert.Throws<ArgumentException>(() => DimensionWeights.Combine([1], [0.5, 0.5]));
}
