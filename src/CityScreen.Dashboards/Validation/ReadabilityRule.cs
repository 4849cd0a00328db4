using CityScreen.Dashboards.Layouts;
using CityScreen.Dashboards.Panels;

namespace CityScreen.Dashboards.Validation;

/// <summary>
/// Text on the wall must be legible from 5 m. A 1080-line wall is typically about 2 m high (3×3
/// 55-inch panels); 1.5 % of it is 30 mm, which at 5 m subtends about 20 minutes of arc, the size
/// at which dense Chinese characters stay legible (Latin signage manages with less). On a 1080-line
/// canvas that is 16.2 px, on 2160 lines 32.4 px: the rule is a fraction of the canvas height, so it
/// survives scaling.
/// A panel's smallest text is its height divided among the lines it stacks
/// (<see cref="PanelOptions.TextLines"/>), of which the glyphs fill <see cref="LineFill"/>.
/// </summary>
public sealed class ReadabilityRule
{
    public const double DefaultMinTextFraction = 0.015;

    /// <summary>Glyph height per line: the rest is leading and padding.</summary>
    public const double LineFill = 0.6;

    public ReadabilityRule(double minTextFraction = DefaultMinTextFraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minTextFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minTextFraction, 0.2);
        MinTextFraction = minTextFraction;
    }

    public double MinTextFraction { get; }

    /// <summary>The smallest text allowed on this canvas, in canvas pixels.</summary>
    public double MinimumTextHeight(CanvasSize canvas) => canvas.Height * MinTextFraction;

    /// <summary>The smallest text a panel of this height draws, in canvas pixels; renderers size their fonts from it.</summary>
    public static double SmallestTextHeight(int panelHeight, PanelOptions options) => panelHeight * LineFill / options.TextLines;

    public static double SmallestTextHeight(Panel panel) => SmallestTextHeight(panel.H, panel.Options);

    /// <summary>The lowest panel height whose smallest text is still readable.</summary>
    public int MinimumPanelHeight(CanvasSize canvas, PanelOptions options) =>
        // The tolerance keeps 16.2 × 13 / 0.6 = 351 from becoming 352 through rounding noise.
        (int)Math.Ceiling(MinimumTextHeight(canvas) * options.TextLines / LineFill - 1e-6);

    public bool IsReadable(Panel panel, CanvasSize canvas) => panel.H >= MinimumPanelHeight(canvas, panel.Options);
}
