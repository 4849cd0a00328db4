using System.Globalization;

namespace CityScreen.Rendering.Maps;

/// <summary>
/// Samples a sequential scale at 0..1. Both scales rise steadily in lightness, so class order survives
/// colour-blindness and a projector's washed-out colours. Stops are nine even samples of the published maps.
/// </summary>
internal static class ColorRamp
{
    private static readonly string[] Viridis =
        ["#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725"];

    private static readonly string[] Cividis =
        ["#00204c", "#00306f", "#2a446c", "#4c586c", "#6b6d70", "#8b8478", "#ac9b72", "#d0b462", "#fde737"];

    public static string Sample(ColorScale scale, double t)
    {
        var stops = scale == ColorScale.Viridis ? Viridis : Cividis;
        var position = Math.Clamp(t, 0, 1) * (stops.Length - 1);
        var lower = Math.Min((int)position, stops.Length - 2);
        var (r0, g0, b0) = Parse(stops[lower]);
        var (r1, g1, b1) = Parse(stops[lower + 1]);
        var f = position - lower;
        return $"#{Mix(r0, r1, f):x2}{Mix(g0, g1, f):x2}{Mix(b0, b1, f):x2}";
    }

    /// <summary>Relative luminance (WCAG) of a #rrggbb colour; used to pick readable text and in tests.</summary>
    public static double Luminance(string hex)
    {
        var (r, g, b) = Parse(hex);
        return 0.2126 * Linear(r) + 0.7152 * Linear(g) + 0.0722 * Linear(b);
    }

    private static int Mix(int a, int b, double f) => (int)Math.Round(a + (b - a) * f);

    private static double Linear(int channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    private static (int R, int G, int B) Parse(string hex) =>
        (int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
         int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
         int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
