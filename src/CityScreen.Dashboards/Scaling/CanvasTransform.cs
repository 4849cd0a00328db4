using System.Globalization;
using CityScreen.Dashboards.Layouts;

namespace CityScreen.Dashboards.Scaling;

/// <summary>
/// Where the canvas lands on the screen: screen = canvas × scale + offset. <see cref="ScaleX"/> and
/// <see cref="ScaleY"/> are always equal (no mode stretches text); both are given because that is
/// what a CSS or SVG transform takes. <see cref="Bars"/> are the empty screen pixels around the
/// canvas, <see cref="Cropped"/> the canvas pixels that do not reach the screen.
/// </summary>
public sealed record CanvasTransform(
    ScaleMode Mode,
    double ScaleX,
    double ScaleY,
    double OffsetX,
    double OffsetY,
    Margins Bars,
    Margins Cropped)
{
    /// <summary>The size to render a canvas rectangle at, in device pixels: charts drawn at this size stay crisp on a 4K wall.</summary>
    public (int Width, int Height) ScreenPixels(int canvasWidth, int canvasHeight) =>
        ((int)Math.Round(canvasWidth * ScaleX, MidpointRounding.AwayFromZero), (int)Math.Round(canvasHeight * ScaleY, MidpointRounding.AwayFromZero));

    /// <summary>A CSS <c>transform</c> for the canvas element, with <c>transform-origin: 0 0</c>.</summary>
    public string ToCss() => string.Create(CultureInfo.InvariantCulture,
        $"translate({OffsetX:0.###}px, {OffsetY:0.###}px) scale({ScaleX:0.######}, {ScaleY:0.######})");
}
