using NetTopologySuite.Geometries;

namespace CityScreen.Rendering.Maps;

/// <summary>Sizes and placements derived from a request, computed once and shared by every layer of the map.</summary>
internal sealed class MapLayout
{
    /// <summary>Moving the map beside the legend may cost at most this much zoom; beyond that the legend overlaps instead.</summary>
    private const double MinScaleBesideLegend = 0.85;

    private MapLayout(MapViewport viewport, double fontSize, Choropleth choropleth, MapLegend legend)
    {
        Viewport = viewport;
        FontSize = fontSize;
        Choropleth = choropleth;
        Legend = legend;
    }

    public MapViewport Viewport { get; }

    public double FontSize { get; }

    public Choropleth Choropleth { get; }

    public MapLegend Legend { get; }

    public double MarkerRadius => Math.Clamp(FontSize * 0.33, 4, 9);

    /// <summary>Null when there is no geometry at all to fit the map to.</summary>
    public static MapLayout? For(MapRequest request)
    {
        var features = request.Features ?? [];
        var bounds = PixelGeometry.Bounds(features);
        if (bounds.IsNull)
            bounds = PixelGeometry.Bounds(request.Outline ?? []);
        if (bounds.IsNull)
            return null;

        // About 22 px on an 800 px high map: readable from 5 m on a 1080p wall.
        var fontSize = Math.Clamp(Math.Min(request.Width, request.Height) / 36.0, 12, 28);
        var choropleth = new Choropleth(features, request.Scale, request.LowerIsBetter);
        var legend = new MapLegend(request, choropleth, fontSize);
        return new MapLayout(FitAroundLegend(bounds, request, legend.Box), fontSize, choropleth, legend);
    }

    /// <summary>Shifts the map right of or above the legend when that costs little zoom, so the legend hides nothing.</summary>
    private static MapViewport FitAroundLegend(Envelope bounds, MapRequest request, Envelope legend)
    {
        int w = request.Width, h = request.Height;
        var full = MapViewport.Fit(bounds, w, h);
        var beside = MapViewport.Fit(bounds, w, h, new Envelope(Math.Min(legend.MaxX, w - 1), w, 0, h));
        var above = MapViewport.Fit(bounds, w, h, new Envelope(0, w, 0, Math.Max(legend.MinY, 1)));
        var best = beside.Scale >= above.Scale ? beside : above;
        return best.Scale >= full.Scale * MinScaleBesideLegend ? best : full;
    }
}
