using CityScreen.Rendering.Maps;

namespace CityScreen.Rendering.Tests.Maps;

public class ClassBreaksFacts
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(61.3, 99.2)]
    [InlineData(0, 20)]
    [InlineData(0, 40)]
    [InlineData(0.12, 0.97)]
    [InlineData(1200, 98000)]
    public void From_continuous_values_makes_five_to_seven_round_classes(double min, double max)
    {
        var breaks = ClassBreaks.From([min, (min + max) / 2, max]);

        Assert.InRange(breaks.Count, 5, 7);
        Assert.Equal(0, breaks.ClassOf(min));
        Assert.Equal(breaks.Count - 1, breaks.ClassOf(max));
    }

    [Fact]
    public void From_counts_never_makes_fractional_classes()
    {
        var breaks = ClassBreaks.From([0, 3, 7, 16]);

        Assert.All(Enumerable.Range(0, breaks.Count), i => Assert.DoesNotContain(".", breaks.Label(i)));
    }

    [Fact]
    public void ClassOf_is_monotone_in_the_value()
    {
        var breaks = ClassBreaks.From([3, 48, 97]);

        var classes = Enumerable.Range(0, 101).Select(v => breaks.ClassOf(v)).ToList();

        Assert.Equal(classes.Order(), classes);
    }

    [Fact]
    public void From_all_equal_is_one_class()
    {
        var breaks = ClassBreaks.From([5, 5, 5]);

        Assert.Equal(1, breaks.Count);
        Assert.Equal("5", breaks.Label(0));
    }

    [Fact]
    public void From_no_values_is_no_classes()
    {
        Assert.Equal(0, ClassBreaks.From([]).Count);
        Assert.Equal(0, ClassBreaks.From([double.NaN]).Count);
    }
}
