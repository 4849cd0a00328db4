using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CityScreen.Server.Components.Panels;

/// <summary>
/// A rendered SVG drawn as elements Blazor compares with the ones the page already has, rather than
/// as markup it replaces whole: when a map's values move, the page receives the fills, titles and
/// legend texts that changed and changes them in place, so a wall's browser neither rebuilds nor
/// re-lays out the picture on every update. Areas are keyed by their <c>data-area-id</c>.
/// </summary>
public sealed class LiveSvg : ComponentBase
{
    // One parse per picture, shared by every wall that shows it (the render cache hands out the same string).
    private static readonly ConditionalWeakTable<string, XElement> Parsed = [];

    /// <summary>The picture, one self-contained &lt;svg&gt; element.</summary>
    [Parameter, EditorRequired] public required string Svg { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder) =>
        Element(builder, Parsed.GetValue(Svg, static svg => XElement.Parse(svg)));

    private static void Element(RenderTreeBuilder builder, XElement element)
    {
        builder.OpenElement(0, element.Name.LocalName);
        if ((string?)element.Attribute("data-area-id") is { } areaId) builder.SetKey(areaId);
        foreach (var attribute in element.Attributes())
            if (!attribute.IsNamespaceDeclaration) builder.AddAttribute(1, attribute.Name.LocalName, attribute.Value);
        foreach (var node in element.Nodes())
        {
            if (node is XElement child) Element(builder, child);
            else if (node is XText text) builder.AddContent(2, text.Value);
        }
        builder.CloseElement();
    }
}
