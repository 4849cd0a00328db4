using System.Text.RegularExpressions;

namespace CityScreen.Rendering.Svg;

/// <summary>
/// Gives the ids inside one SVG a prefix derived from its content. Inline SVGs share the page's id
/// namespace, so two charts that both define <c>id="cl_4"</c> would clip each other; a content hash
/// keeps the prefix deterministic, which keeps output cacheable.
/// </summary>
internal static partial class SvgIdScope
{
    /// <summary>Placeholder that hand-written SVG puts in front of every id; <see cref="SvgFormat.Escape"/> strips it from user text.</summary>
    public const string Placeholder = "\u0001";

    public static string ResolvePlaceholder(string svg, char kind) =>
        svg.Replace(Placeholder, Prefix(svg, kind), StringComparison.Ordinal);

    /// <summary>Rewrites <c>id="x"</c>, <c>url(#x)</c> and <c>href="#x"</c> in SVG produced by another library.</summary>
    public static string ScopeForeignIds(string svg, char kind)
    {
        var prefix = Prefix(svg, kind);
        svg = IdAttribute().Replace(svg, m => $"id=\"{prefix}{m.Groups[1].Value}\"");
        svg = UrlReference().Replace(svg, m => $"url(#{prefix}{m.Groups[1].Value})");
        return HrefReference().Replace(svg, m => $"{m.Groups[1].Value}=\"#{prefix}{m.Groups[2].Value}\"");
    }

    private static string Prefix(string content, char kind) => $"{kind}{StableHash.Of(content):x8}-";

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("url\\(#([^)]+)\\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex("\\b((?:xlink:)?href)=\"#([^\"]+)\"")]
    private static partial Regex HrefReference();
}
