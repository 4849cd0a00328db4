using System.Globalization;
using System.Text.RegularExpressions;
using CityScreen.Rendering.Svg;

namespace CityScreen.Rendering.Charts;

/// <summary>
/// Turns the SVG file Skia writes for ScottPlot into markup fit for inlining in a Blazor page:
/// no XML declaration, a viewBox so it scales with its panel, stable page-unique ids, glyph
/// position lists Chromium accepts, the real characters back, and a font fallback for walls without Noto.
/// </summary>
internal static partial class ChartSvg
{
    private const string FontFallback = "font-family=\"'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif\"";

    public static string Finish(string svg, int width, int height, string title)
    {
        svg = XmlDeclaration().Replace(svg, string.Empty).Trim();
        var root = $"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" class=\"cs-chart\" " +
                   $"viewBox=\"0 0 {width.ToString(CultureInfo.InvariantCulture)} {height.ToString(CultureInfo.InvariantCulture)}\" " +
                   $"width=\"100%\" height=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"{SvgFormat.Escape(title)}\">";
        svg = RootElement().Replace(svg, root, 1);

        // Skia ends glyph position lists with ", " (x="-8.3, -1.6, "); Chromium rejects the whole list and
        // draws the text at 0,0 of its transform, so every label sat half a line too high and titles off-centre.
        svg = TrailingListComma().Replace(svg, "$1\"");
        // Skia indents text content with newlines and tabs; trim it so the position list maps onto the glyphs.
        svg = PaddedTextContent().Replace(svg, m => ">" + GlyphAliases.Repair(m.Groups[1].Value) + "</text>");
        // Glyph positions were measured with Noto; the fallbacks are also 1 em per CJK glyph, so they line up.
        svg = svg.Replace($"font-family=\"{ChartTheme.FontName}\"", FontFallback, StringComparison.Ordinal);
        return SvgIdScope.ScopeForeignIds(RenumberIds(svg), 'c');
    }

    /// <summary>Adds the chart's points (JSON) to its root element, for the hover tooltip of the drill-down page.</summary>
    public static string WithPoints(string svg, string pointsJson) =>
        RootElement().Replace(svg, m => m.Value.Replace(" class=\"cs-chart\" ", $" class=\"cs-chart\" data-points=\"{SvgFormat.Escape(pointsJson)}\" ", StringComparison.Ordinal), 1);

    /// <summary>Skia numbers clip paths from a process-wide counter; renumbering in document order makes output repeatable.</summary>
    private static string RenumberIds(string svg)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in IdAttribute().Matches(svg))
            renamed.TryAdd(m.Groups[1].Value, "k" + renamed.Count.ToString(CultureInfo.InvariantCulture));
        if (renamed.Count == 0)
            return svg;
        return IdOrReference().Replace(svg, m =>
            renamed.TryGetValue(m.Groups[2].Value, out var id) ? m.Groups[1].Value + id + m.Groups[3].Value : m.Value);
    }

    [GeneratedRegex("^\\s*<\\?xml[^>]*\\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("<svg\\b[^>]*>")]
    private static partial Regex RootElement();

    [GeneratedRegex("(\\s[xy]=\"[^\"]*?),\\s*\"")]
    private static partial Regex TrailingListComma();

    [GeneratedRegex(">\\s*([^<]*?)\\s*</text>")]
    private static partial Regex PaddedTextContent();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("(\\bid=\"|url\\(#|href=\"#)([^\")]+)([\")])")]
    private static partial Regex IdOrReference();
}
