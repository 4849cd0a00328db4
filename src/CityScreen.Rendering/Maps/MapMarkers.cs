using System.Globalization;
using System.Text;
using CityScreen.Rendering.Svg;

namespace CityScreen.Rendering.Maps;

/// <summary>Case markers: a solid dot with an expanding, fading ring so new events catch the eye from across the room.</summary>
internal static class MapMarkers
{
    /// <summary>
    /// At most this many markers are drawn, the most severe kept: a wall left on for weeks must not
    /// grow a picture without limit whatever a caller passes.
    /// </summary>
    public const int MaxMarkers = 300;

    public static void Append(StringBuilder sb, IEnumerable<MapMarker> markers, MapViewport viewport, double radius)
    {
        var kept = markers.OrderByDescending(m => m.Kind).ThenBy(m => m.Id, StringComparer.Ordinal).Take(MaxMarkers);
        // Critical last so it is drawn on top; the id keeps the order stable for identical input.
        var ordered = kept.OrderBy(m => m.Kind).ThenBy(m => m.Id, StringComparer.Ordinal);
        sb.Append("<g class=\"markers\">");
        foreach (var marker in ordered)
        {
            var (x, y) = viewport.ToPixel(marker.Lon, marker.Lat);
            if (!double.IsFinite(x) || !double.IsFinite(y) || !viewport.Contains(x, y))
                continue;
            AppendMarker(sb, marker, SvgFormat.Coord(x), SvgFormat.Coord(y), radius);
        }
        sb.Append("</g>");
    }

    private static void AppendMarker(StringBuilder sb, MapMarker marker, string cx, string cy, double radius)
    {
        var color = MapTheme.MarkerColor(marker.Kind);
        // The ring grows and fades in a few steps, driven by the page (wall.js) rather than by SVG
        // animation: any running animation kept a wall's browser repainting sixty times a second
        // (a third of a core without a GPU, for one ring); steps repaint five times a second.
        var (stepMs, steps) = marker.Kind == MapMarkerKind.CriticalCase ? (200, 6) : (400, 5);
        // A per-marker phase (from the id, so still deterministic) keeps a burst of new cases from pulsing in lockstep.
        var phase = StableHash.Of(marker.Id) % (ulong)steps;

        sb.Append("<g class=\"marker marker-").Append(Kebab(marker.Kind)).Append("\" data-marker-id=\"")
          .Append(SvgFormat.Escape(marker.Id)).Append("\">");
        if (!string.IsNullOrWhiteSpace(marker.Title))
            sb.Append("<title>").Append(SvgFormat.Escape(marker.Title)).Append("</title>");

        sb.Append("<circle class=\"marker-pulse\" cx=\"").Append(cx).Append("\" cy=\"").Append(cy).Append("\" r=\"")
          .Append(SvgFormat.Coord(radius)).Append("\" stroke=\"").Append(color).Append("\" opacity=\"0.9\" data-pulse-ms=\"")
          .Append(stepMs).Append("\" data-pulse-steps=\"").Append(steps).Append("\" data-pulse-phase=\"").Append(phase).Append("\"/>");

        sb.Append("<circle class=\"marker-dot\" cx=\"").Append(cx).Append("\" cy=\"").Append(cy).Append("\" r=\"")
          .Append(SvgFormat.Coord(radius)).Append("\" fill=\"").Append(color).Append("\"/>");
        sb.Append("</g>");
    }

    private static string Kebab(MapMarkerKind kind) => kind switch
    {
        MapMarkerKind.RedCase => "red",
        MapMarkerKind.CriticalCase => "critical",
        _ => "new",
    };
}
