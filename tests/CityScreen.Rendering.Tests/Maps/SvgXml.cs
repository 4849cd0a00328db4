using System.Xml.Linq;

namespace CityScreen.Rendering.Tests.Maps;

/// <summary>Parses rendered SVG and finds elements by name and class.</summary>
internal static class SvgXml
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XDocument Parse(string svg) => XDocument.Parse(svg);

    public static IEnumerable<XElement> WithClass(this XDocument doc, string name, string cssClass) =>
        doc.Descendants(Ns + name).Where(e => ((string?)e.Attribute("class") ?? "").Split(' ').Contains(cssClass));

    public static int SubpathCount(this XElement path) => ((string)path.Attribute("d")!).Count(c => c == 'M');
}
