using CityScreen.Dashboards.Layouts;
using CityScreen.Dashboards.Scaling;

namespace CityScreen.Dashboards.Tests;

public class CanvasScalerFacts
{
    private const int Digits = 3;
    private static readonly CanvasSize Canvas = CanvasSize.FullHd;

    [Theory]
    [InlineData(ScaleMode.Fit)]
    [InlineData(ScaleMode.Fill)]
    public void Fit_and_fill_double_a_1080_canvas_on_a_4K_screen_exactly(ScaleMode mode)
    {
        var t = CanvasScaler.Compute(Canvas, new ScreenSize(3840, 2160), mode);

        Assert.Equal(2.0, t.ScaleX);
        Assert.Equal(2.0, t.ScaleY);
        Assert.Equal(0.0, t.OffsetX);
        Assert.Equal(0.0, t.OffsetY);
        Assert.True(t.Bars.IsNone);
        Assert.True(t.Cropped.IsNone);
    }

    [Fact]
    public void Real_centres_a_1080_canvas_on_a_4K_screen_with_bars()
    {
        var t = CanvasScaler.Compute(Canvas, new ScreenSize(3840, 2160), ScaleMode.Real);

        Assert.Equal(1.0, t.ScaleX);
        Assert.Equal((960.0, 540.0), (t.OffsetX, t.OffsetY));
        Assert.Equal(new Margins(960, 540, 960, 540), t.Bars);
        Assert.True(t.Cropped.IsNone);
    }

    [Fact]
    public void Fit_on_1366x768_scales_by_height_and_leaves_less_than_a_pixel_of_bar()
    {
        var t = CanvasScaler.Compute(Canvas, new ScreenSize(1366, 768), ScaleMode.Fit);

        Assert.Equal(768.0 / 1080, t.ScaleX, 9);
        Assert.Equal(t.ScaleX, t.ScaleY);
        Assert.Equal(0.0, t.OffsetX);
        Assert.Equal(0.0, t.OffsetY);
        Assert.Equal(0.0, t.Bars.Left);
        Assert.Equal(0.667, t.Bars.Right, Digits);
        Assert.True(t.Cropped.IsNone);
    }

    [Fact]
    public void Fill_on_1366x768_scales_by_width_and_crops_half_a_canvas_pixel()
    {
        var t = CanvasScaler.Compute(Canvas, new ScreenSize(1366, 768), ScaleMode.Fill);

        Assert.Equal(1366.0 / 1920, t.ScaleX, 9);
        Assert.Equal(t.ScaleX, t.ScaleY);
        Assert.Equal(0.0, t.OffsetX);
        Assert.Equal(0.0, t.OffsetY);
        Assert.Equal(0.0, t.Cropped.Top);
        Assert.Equal(0.527, t.Cropped.Bottom, Digits);
        Assert.True(t.Bars.IsNone);
    }

    [Fact]
    public void Real_on_1366x768_crops_the_canvas_evenly_around_the_centre()
    {
        var t = CanvasScaler.Compute(Canvas, new ScreenSize(1366, 768), ScaleMode.Real);

        Assert.Equal(1.0, t.ScaleX);
        Assert.Equal((-277.0, -156.0), (t.OffsetX, t.OffsetY));
        Assert.Equal(new Margins(277, 156, 277, 156), t.Cropped);
        Assert.True(t.Bars.IsNone);
    }

    [Fact]
    public void Fit_on_a_spliced_wall_letterboxes_without_squashing_text()
    {
        var t = CanvasScaler.Compute(Canvas, new ScreenSize(6656, 1792), ScaleMode.Fit);

        Assert.Equal(1792.0 / 1080, t.ScaleX, 9);
        Assert.Equal(t.ScaleX, t.ScaleY);
        Assert.Equal(1735.0, t.OffsetX);
        Assert.Equal(0.0, t.OffsetY);
        Assert.Equal(1735.0, t.Bars.Left);
        Assert.Equal(1735.222, t.Bars.Right, Digits);
        Assert.True(t.Cropped.IsNone);
    }

    [Fact]
    public void Fill_on_a_spliced_wall_crops_more_than_half_the_canvas_height()
    {
        var t = CanvasScaler.Compute(Canvas, new ScreenSize(6656, 1792), ScaleMode.Fill);

        Assert.Equal(6656.0 / 1920, t.ScaleX, 9);
        Assert.Equal(t.ScaleX, t.ScaleY);
        Assert.Equal(0.0, t.OffsetX);
        Assert.Equal(-976.0, t.OffsetY);
        Assert.Equal(281.538, t.Cropped.Top, Digits);
        Assert.Equal(281.538, t.Cropped.Bottom, Digits);
        Assert.True(t.Cropped.Top + t.Cropped.Bottom > Canvas.Height / 2.0);
    }

    [Fact]
    public void Real_on_a_spliced_wall_centres_the_canvas()
    {
        var t = CanvasScaler.Compute(Canvas, new ScreenSize(6656, 1792), ScaleMode.Real);

        Assert.Equal((2368.0, 356.0), (t.OffsetX, t.OffsetY));
        Assert.Equal(new Margins(2368, 356, 2368, 356), t.Bars);
    }

    [Fact]
    public void ScreenPixels_gives_the_size_to_render_a_panel_at()
    {
        var t = CanvasScaler.Compute(Canvas, new ScreenSize(3840, 2160), ScaleMode.Fit);

        Assert.Equal((1920, 1360), t.ScreenPixels(960, 680));
    }

    [Fact]
    public void ToCss_is_culture_independent()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var t = CanvasScaler.Compute(Canvas, new ScreenSize(6656, 1792), ScaleMode.Fit);

            Assert.Equal("translate(1735px, 0px) scale(1.659259, 1.659259)", t.ToCss());
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Compute_refuses_an_empty_screen()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CanvasScaler.Compute(Canvas, new ScreenSize(0, 1080), ScaleMode.Fit));
    }
}
