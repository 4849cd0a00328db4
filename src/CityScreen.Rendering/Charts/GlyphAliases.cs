using System.Text;
using ScottPlot;
using SkiaSharp;

namespace CityScreen.Rendering.Charts;

/// <summary>
/// Undoes a quirk of Skia's SVG writer: it turns glyphs back into characters through the font's cmap and,
/// where several code points share a glyph, picks the lowest. Noto CJK draws 无 and the Kangxi radical ⽆
/// (U+2F46) with one glyph, so "暂无数据" came out as "暂⽆数据" — identical on screen with Noto, but wrong for
/// search, screen readers, tests, and for walls that fall back to another font. Characters that share a glyph
/// with a CJK unified ideograph are mapped back to that ideograph.
/// </summary>
internal static class GlyphAliases
{
    private const char FirstUnified = '\u4E00';
    private const char LastUnified = '\u9FFF';

    /// <summary>Radicals, strokes, CJK symbols and extension A all sort below the unified block and can win the reverse lookup.</summary>
    private const char FirstSuspect = '\u2E80';

    private static readonly Lazy<Dictionary<char, char>> Aliases = new(Build);

    public static string Repair(string text)
    {
        StringBuilder? repaired = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] >= FirstSuspect && text[i] < FirstUnified && Aliases.Value.TryGetValue(text[i], out var ideograph))
            {
                repaired ??= new StringBuilder(text);
                repaired[i] = ideograph;
            }
        }
        return repaired?.ToString() ?? text;
    }

    private static Dictionary<char, char> Build()
    {
        // ScottPlot's own cached typeface: shared, so not disposed here.
        using var font = new SKFont(Fonts.GetTypeface(ChartTheme.FontName, bold: false, italic: false));

        var unified = new string(Enumerable.Range(FirstUnified, LastUnified - FirstUnified + 1).Select(c => (char)c).ToArray());
        var ideographByGlyph = new Dictionary<ushort, char>();
        var glyphs = font.GetGlyphs(unified);
        for (var i = 0; i < glyphs.Length; i++)
        {
            if (glyphs[i] != 0)
                ideographByGlyph.TryAdd(glyphs[i], unified[i]);
        }

        var suspects = new string(Enumerable.Range(FirstSuspect, FirstUnified - FirstSuspect).Select(c => (char)c).ToArray());
        var aliases = new Dictionary<char, char>();
        var suspectGlyphs = font.GetGlyphs(suspects);
        for (var i = 0; i < suspectGlyphs.Length; i++)
        {
            if (suspectGlyphs[i] != 0 && ideographByGlyph.TryGetValue(suspectGlyphs[i], out var ideograph))
                aliases[suspects[i]] = ideograph;
        }
        return aliases;
    }
}
