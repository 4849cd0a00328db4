using CityScreen.Domain.Index;

namespace CityScreen.Domain.Tests.Index;

public class DimensionWeightsFacts
{
    [Fact]
    public void Combine_IsHalfPriorHalfEntropy()
    {
        var w = DimensionWeights.Combine([0.6, 0.4], [0.2, 0.8]);

        Assert.Equal(0.4, w[0], 12);   // 0.5 × 0.6 + 0.5 × 0.2
        Assert.Equal(0.6, w[1], 12);   // 0.5 × 0.4 + 0.5 × 0.8
    }

    [Fact]
    public void Combine_NormalisesToOne_WhenTheInputsDoNot()
    {
        var w = DimensionWeights.Combine([0.5, 0.5], [0.3, 0.3]);   // Σ = 0.8

        Assert.Equal(0.5, w[0], 12);
        Assert.Equal(1, w.Sum(), 12);
    }

    [Fact]
    public void Combine_RefusesListsOfDifferentLengths() =>
        Assert.Throws<ArgumentException>(() => DimensionWeights.Combine([1], [0.5, 0.5]));
}
