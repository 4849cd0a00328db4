namespace CityScreen.Rendering.Svg;

/// <summary>Rough text widths without a font engine: CJK and full-width characters are 1 em, the rest about 0.6 em.</summary>
internal static class TextMetrics
{
    public static double WidthEm(string text)
    {
        var width = 0.0;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
                continue; // counted with its high surrogate
            width += c >= '\u2E80' ? 1.0 : 0.6;
        }
        return width;
    }
}
