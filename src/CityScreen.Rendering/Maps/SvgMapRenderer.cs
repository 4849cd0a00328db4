using System.Globalization;
using System.Text;
using CityScreen.Rendering.Svg;

namespace CityScreen.Rendering.Maps;

/// <summary>
/// Draws the choropleth map as one self-contained SVG: areas clickable through <c>data-area-id</c>, names,
/// pulsing case markers and a legend. Stateless and deterministic, so it is safe to share and to cache.
/// </summary>
public sealed class SvgMapRenderer : IMapRenderer
{
    public const string NoMapDataText = "暂无地图数据";

    /// <summary>The viewport <see cref="RenderSvg"/> will use for this request, for overlays and hit-testing; null when there is nothing to draw.</summary>
    public static MapViewport? ViewportFor(MapRequest request)
    {
        Validate(request);
        return MapLayout.For(request)?.Viewport;
    }

    public string RenderSvg(MapRequest request)
    {
        Validate(request);
        var sb = new StringBuilder(64 * 1024);
        AppendOpening(sb, request);

        var layout = MapLayout.For(request);
        if (layout is null)
        {
            AppendEmpty(sb, request);
            return Close(sb);
        }

        var areas = (request.Features ?? [])
            .Select(f => new ProjectedFeature(f, PixelGeometry.Project(f.Geometry, layout.Viewport)))
            .ToList();
        AppendAreas(sb, areas, layout.Choropleth, request.HighlightId);
        AppendOutline(sb, request.Outline ?? [], layout.Viewport);
        var labels = MapLabelPlacer.Place(areas, layout.FontSize, [layout.Legend.Box], request.HighlightId);
        AppendLabels(sb, labels, layout.FontSize, request.HighlightId);
        MapMarkers.Append(sb, request.Markers ?? [], layout.Viewport, layout.MarkerRadius);
        layout.Legend.AppendTo(sb);
        return Close(sb);
    }

    public string RenderMarkerLayer(MapRequest request)
    {
        Validate(request);
        var sb = new StringBuilder(4 * 1024);
        AppendOpening(sb, request, "cs-map cs-map-markers");
        if (MapLayout.For(request) is { } layout)
            MapMarkers.Append(sb, request.Markers ?? [], layout.Viewport, layout.MarkerRadius);
        return Close(sb);
    }

    private static void Validate(MapRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Height, 1);
    }

    private static void AppendOpening(StringBuilder sb, MapRequest request, string cssClass = "cs-map")
    {
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").Append(cssClass).Append("\" viewBox=\"0 0 ")
          .Append(request.Width.ToString(CultureInfo.InvariantCulture)).Append(' ')
          .Append(request.Height.ToString(CultureInfo.InvariantCulture))
          .Append("\" width=\"100%\" height=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"")
          .Append(SvgFormat.Escape(request.LegendTitle)).Append("\">");
        sb.Append("<style>").Append(MapTheme.StyleSheet).Append("</style>");
        sb.Append("<defs><pattern id=\"").Append(SvgIdScope.Placeholder)
          .Append("nodata\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
          .Append("<rect width=\"8\" height=\"8\" fill=\"").Append(MapTheme.NoDataBase).Append("\"/>")
          .Append("<rect width=\"2.5\" height=\"8\" fill=\"").Append(MapTheme.NoDataHatch).Append("\"/>")
          .Append("</pattern></defs>");
    }

    private static void AppendAreas(StringBuilder sb, List<ProjectedFeature> areas, Choropleth choropleth, string? highlightId)
    {
        sb.Append("<g class=\"areas\">");
        // The highlighted area goes last so its thick border is not painted over by its neighbours.
        foreach (var area in areas.Where(a => a.Feature.Id != highlightId).Concat(areas.Where(a => a.Feature.Id == highlightId)))
        {
            var feature = area.Feature;
            sb.Append("<path class=\"area").Append(feature.Id == highlightId ? " highlight" : "")
              .Append("\" data-area-id=\"").Append(SvgFormat.Escape(feature.Id))
              // What a hover tooltip shows (the drill-down page's script reads these).
              .Append("\" data-name=\"").Append(SvgFormat.Escape(feature.Name))
              .Append("\" data-value=\"").Append(SvgFormat.Escape(ValueText(feature)))
              .Append("\" data-counts=\"").Append(SvgFormat.Escape(feature.Counts ?? string.Empty))
              .Append("\" fill=\"").Append(choropleth.FillOf(feature.Value))
              .Append("\" fill-rule=\"evenodd\" d=\"").Append(SvgPathData.From(area.Pixels)).Append("\">")
              .Append("<title>").Append(SvgFormat.Escape($"{feature.Name}：{ValueText(feature)}")).Append("</title></path>");
        }
        sb.Append("</g>");
    }

    private static void AppendOutline(StringBuilder sb, IReadOnlyList<MapFeature> outline, MapViewport viewport)
    {
        if (outline.Count == 0)
            return;
        sb.Append("<g class=\"outlines\">");
        foreach (var feature in outline)
        {
            sb.Append("<path class=\"outline\" fill-rule=\"evenodd\" d=\"")
              .Append(SvgPathData.From(PixelGeometry.Project(feature.Geometry, viewport))).Append("\"/>");
        }
        sb.Append("</g>");
    }

    private static void AppendLabels(StringBuilder sb, IReadOnlyList<MapLabel> labels, double fontSize, string? highlightId)
    {
        // Sizes are attributes, not CSS: the stylesheet is page-global and two maps of different sizes may share a page.
        sb.Append("<g class=\"labels\" font-size=\"").Append(SvgFormat.Coord(fontSize))
          .Append("\" stroke-width=\"").Append(SvgFormat.Coord(Math.Max(2, fontSize * 0.18))).Append("\">");
        foreach (var label in labels)
        {
            sb.Append("<text class=\"label").Append(label.FeatureId == highlightId ? " highlight" : "")
              .Append("\" x=\"").Append(SvgFormat.Coord(label.X)).Append("\" y=\"").Append(SvgFormat.Coord(label.Y)).Append('"');
            if (Math.Abs(label.FontSize - fontSize) > 0.01) sb.Append(" font-size=\"").Append(SvgFormat.Coord(label.FontSize)).Append('"');
            sb.Append('>')
              .Append(SvgFormat.Escape(label.Text)).Append("</text>");
        }
        sb.Append("</g>");
    }

    private static void AppendEmpty(StringBuilder sb, MapRequest request)
    {
        sb.Append("<text class=\"empty\" x=\"").Append(SvgFormat.Coord(request.Width / 2.0)).Append("\" y=\"")
          .Append(SvgFormat.Coord(request.Height / 2.0)).Append("\" font-size=\"")
          .Append(SvgFormat.Coord(Math.Clamp(Math.Min(request.Width, request.Height) / 20.0, 14, 40))).Append("\">")
          .Append(NoMapDataText).Append("</text>");
    }

    private static string ValueText(MapFeature feature) =>
        feature.ValueText
        ?? (feature.Value is { } v && double.IsFinite(v) ? v.ToString("#,##0.##", CultureInfo.InvariantCulture) : MapLegend.NoDataText);

    private static string Close(StringBuilder sb) =>
        SvgIdScope.ResolvePlaceholder(sb.Append("</svg>").ToString(), 'm');
}
