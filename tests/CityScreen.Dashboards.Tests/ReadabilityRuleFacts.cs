using CityScreen.Dashboards.Layouts;
using CityScreen.Dashboards.Panels;
using CityScreen.Dashboards.Validation;

namespace CityScreen.Dashboards.Tests;

public class ReadabilityRuleFacts
{
    private readonly ReadabilityRule _rule = new();

    [Fact]
    public void MinimumTextHeight_Is16Point2Pixels_OnA1080LineCanvas()
    {
        Assert.Equal(16.2, _rule.MinimumTextHeight(CanvasSize.FullHd), 6);
        Assert.Equal(32.4, _rule.MinimumTextHeight(CanvasSize.UltraHd), 6);
    }

    [Fact]
    public void SmallestTextHeight_DividesThePanelAmongItsLines()
    {
        // A ticker of 6 rows stacks 7 lines (title strip + rows); glyphs fill 60 % of a line.
        Assert.Equal(18.0, ReadabilityRule.SmallestTextHeight(210, new TickerOptions(6)), 6);
    }

    [Fact]
    public void MinimumPanelHeight_IsNotPushedUpByRoundingNoise()
    {
        // 8 counters in 2 columns: 1 + 3 × 4 = 13 lines; 16.2 × 13 / 0.6 is exactly 351.
        var kpis = new KpiOptions(["EV01", "EV02", "EV03", "EV04", "EV05", "EV06", "EV07", "EV08"], 2);

        Assert.Equal(13, kpis.TextLines);
        Assert.Equal(351, _rule.MinimumPanelHeight(CanvasSize.FullHd, kpis));
    }

    [Fact]
    public void IsReadable_SwitchesAtTheMinimumHeight()
    {
        var options = new TickerOptions(6);

        Assert.True(_rule.IsReadable(new Panel("t", PanelType.Ticker, 0, 0, 600, 189, options), CanvasSize.FullHd));
        Assert.False(_rule.IsReadable(new Panel("t", PanelType.Ticker, 0, 0, 600, 188, options), CanvasSize.FullHd));
    }

    [Fact]
    public void Ctor_RefusesAFractionThatIsNotAFraction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadabilityRule(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadabilityRule(0.5));
    }
}
