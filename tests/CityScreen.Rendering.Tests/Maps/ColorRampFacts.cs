using CityScreen.Rendering.Maps;

namespace CityScreen.Rendering.Tests.Maps;

public class ColorRampFacts
{
    [Theory]
    [InlineData(ColorScale.Cividis)]
    [InlineData(ColorScale.Viridis)]
    public void Sample_gets_lighter_along_the_scale(ColorScale scale)
    {
        var luminances = Enumerable.Range(0, 21).Select(i => ColorRamp.Luminance(ColorRamp.Sample(scale, i / 20.0))).ToList();

        Assert.Equal(luminances.Order(), luminances);
    }
}
