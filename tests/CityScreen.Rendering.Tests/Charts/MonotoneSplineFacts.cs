using CityScreen.Rendering.Charts;

namespace CityScreen.Rendering.Tests.Charts;

public class MonotoneSplineFacts
{
    [Fact]
    public void Sample_passes_through_the_data_and_never_overshoots_a_neighbouring_pair()
    {
        double[] ys = [0, 10, 0, 0, 25, 24, 3, 3];

        var (xs, sampled) = MonotoneSpline.Sample(ys, 8);

        for (var i = 0; i < ys.Length; i++)
            Assert.Equal(ys[i], sampled[i * 8], 9);
        for (var k = 0; k < xs.Length; k++)
        {
            var left = (int)Math.Min(Math.Floor(xs[k]), ys.Length - 2);
            Assert.InRange(sampled[k], Math.Min(ys[left], ys[left + 1]) - 1e-9, Math.Max(ys[left], ys[left + 1]) + 1e-9);
        }
    }

    [Fact]
    public void Sample_two_points_or_fewer_returns_the_data_as_is()
    {
        var (xs, ys) = MonotoneSpline.Sample([4, 7], 8);

        Assert.Equal([0.0, 1.0], xs);
        Assert.Equal([4.0, 7.0], ys);
    }
}
