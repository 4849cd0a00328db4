using System.Text;
using CityScreen.Rendering.Svg;
using NetTopologySuite.Geometries;

namespace CityScreen.Rendering.Maps;

/// <summary>Bottom-left legend: title, which direction is good, one swatch per class (lowest first) and "无数据".</summary>
internal sealed class MapLegend
{
    public const string NoDataText = "无数据";

    private readonly string _title;
    private readonly string _note;
    private readonly List<(string Text, string Fill)> _items;
    private readonly double _itemSize;
    private readonly double _titleSize;
    private readonly double _pad;
    private readonly double _row;
    private readonly double _swatchWidth;

    public MapLegend(MapRequest request, Choropleth choropleth, double fontSize)
    {
        _title = request.LegendTitle ?? string.Empty;
        _note = request.LowerIsBetter ? "数值越低越好 · 亮色需关注" : "数值越高越好 · 亮色需关注";
        _items = Enumerable.Range(0, choropleth.Breaks.Count)
            .Select(i => (choropleth.Breaks.Label(i), choropleth.ClassFills[i]))
            .Append((NoDataText, Choropleth.NoDataFill))
            .ToList();
        _itemSize = Math.Max(fontSize * 0.8, 12); // small maps still need a legend readable from the floor
        _titleSize = fontSize * 0.9;
        _pad = fontSize * 0.6;
        _row = _itemSize * 1.6;
        _swatchWidth = _itemSize * 1.6;

        var margin = Math.Min(request.Width, request.Height) * 0.02;
        var width = 2 * _pad + Math.Max(
            Math.Max(TextMetrics.WidthEm(_title) * _titleSize, TextMetrics.WidthEm(_note) * _itemSize * 0.9),
            _swatchWidth + _itemSize * 0.6 + _items.Max(i => TextMetrics.WidthEm(i.Text)) * _itemSize);
        var height = _pad + _titleSize * 1.3 + _itemSize * 1.3 + _items.Count * _row + _pad * 0.6;
        Box = new Envelope(margin, margin + width, request.Height - margin - height, request.Height - margin);
    }

    /// <summary>Where the legend sits, in pixels; the map and the labels keep out of it.</summary>
    public Envelope Box { get; }

    public void AppendTo(StringBuilder sb)
    {
        sb.Append("<g class=\"legend\">");
        sb.Append("<rect class=\"legend-box\" x=\"").Append(SvgFormat.Coord(Box.MinX)).Append("\" y=\"").Append(SvgFormat.Coord(Box.MinY))
          .Append("\" width=\"").Append(SvgFormat.Coord(Box.Width)).Append("\" height=\"").Append(SvgFormat.Coord(Box.Height))
          .Append("\" rx=\"4\"/>");

        var x = Box.MinX + _pad;
        var y = Box.MinY + _pad + _titleSize * 0.85;
        AppendText(sb, "legend-title", x, y, _titleSize, _title);
        y += _itemSize * 1.35;
        AppendText(sb, "legend-note", x, y, _itemSize * 0.9, _note);
        y += _itemSize * 0.5;

        var swatchHeight = _itemSize;
        foreach (var (text, fill) in _items)
        {
            sb.Append("<rect class=\"legend-swatch\" x=\"").Append(SvgFormat.Coord(x)).Append("\" y=\"")
              .Append(SvgFormat.Coord(y + (_row - swatchHeight) / 2)).Append("\" width=\"").Append(SvgFormat.Coord(_swatchWidth))
              .Append("\" height=\"").Append(SvgFormat.Coord(swatchHeight)).Append("\" fill=\"").Append(fill).Append("\"/>");
            AppendText(sb, "legend-item", x + _swatchWidth + _itemSize * 0.6, y + _row / 2 + _itemSize * 0.36, _itemSize, text);
            y += _row;
        }
        sb.Append("</g>");
    }

    private static void AppendText(StringBuilder sb, string cssClass, double x, double y, double size, string text) =>
        sb.Append("<text class=\"").Append(cssClass).Append("\" x=\"").Append(SvgFormat.Coord(x)).Append("\" y=\"")
          .Append(SvgFormat.Coord(y)).Append("\" font-size=\"").Append(SvgFormat.Coord(size)).Append("\">")
          .Append(SvgFormat.Escape(text)).Append("</text>");
}
