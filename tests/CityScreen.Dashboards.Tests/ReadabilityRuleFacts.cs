using CityScreen.Dashboards.Layouts;
using CityScreen.Dashboards.Panels;
using CityScreen.Dashboards.Validation;

namespace CityScreen.Dashboards.Tests;

public class ReadabilityRuleFacts
{
    private readonly ReadabilityRule _rule = new();

    [Fact]
    public void MinimumTextHeight_is_16_point_2_pixels_on_a_1080_line_canvas()
    {
        Assert.Equal(16.2, _rule.MinimumTextHeight(CanvasSize.FullHd), 6);
        Assert.Equal(32.4, _rule.MinimumTextHeight(CanvasSize.UltraHd), 6);
    }

    [Fact]
    public void SmallestTextHeight_divides_the_panel_among_its_lines()
    {
        // A ticker of 6 rows stacks 7 lines (title strip + rows); glyphs fill 60 % of a line.
        Assert.Equal(18.0, ReadabilityRule.SmallestTextHeight(210, new TickerOptions(6)), 6);
    }

    [Fact]
    public void MinimumPanelHeight_is_not_pushed_up_by_rounding_noise()
    {
        // 8 counters in 2 columns: 1 + 3 × 4 = 13 lines; 16.2 × 13 / 0.6 is exactly 351.
        var kpis = new KpiOptions(["EV01", "EV02", "EV03", "EV04", "EV05", "EV06", "EV07", "EV08"], 2);

        Assert.Equal(13, kpis.TextLines);
        Assert.Equal(351, _rule.MinimumPanelHeight(CanvasSize.FullHd, kpis));
    }

    [Fact]
    public void IsReadable_switches_at_the_minimum_height()
    {
        var options = new TickerOptions(6);

        Assert.True(_rule.IsReadable(new Panel("t", PanelType.Ticker, 0, 0, 600, 189, options), CanvasSize.FullHd));
        Assert.False(_rule.IsReadable(new Panel("t", PanelType.Ticker, 0, 0, 600, 188, options), CanvasSize.FullHd));
    }

    [Fact]
    public void Ctor_refuses_a_fraction_that_is_not_a_fraction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadabilityRule(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadabilityRule(0.5));
    }
}
