using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CityScreen.Rendering.Tests.Maps;

namespace CityScreen.Rendering.Tests.Charts;

/// <summary>Reads the &lt;text&gt; elements ScottPlot's SVG contains.</summary>
internal static partial class ChartSvgText
{
    public static List<XElement> Texts(string svg) => SvgXml.Parse(svg).Descendants(SvgXml.Ns + "text").ToList();

    public static List<string> Strings(string svg) => Texts(svg).Select(t => t.Value.Trim()).ToList();

    /// <summary>The y of the transform="translate(x y)" ScottPlot places every label with.</summary>
    public static double TranslateY(XElement text) =>
        double.Parse(Translate().Match((string)text.Attribute("transform")!).Groups[2].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"translate\(([-\d.]+)[ ,]([-\d.]+)\)")]
    private static partial Regex Translate();
}
