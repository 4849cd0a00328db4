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
        sb.Append("<g class=\"marker ").Append(MarkerPulse.ClassOf(marker.Kind)).Append("\" data-marker-id=\"")
          .Append(SvgFormat.Escape(marker.Id)).Append("\">");
        if (!string.IsNullOrWhiteSpace(marker.Title))
            sb.Append("<title>").Append(SvgFormat.Escape(marker.Title)).Append("</title>");

        // The ring grows and fades in a CSS animation of transform and opacity (MapTheme), which the
        // browser's compositor runs without the page's script; a new case's ring plays once, a
        // critical or red one repeats.
        sb.Append("<circle class=\"marker-pulse\" cx=\"").Append(cx).Append("\" cy=\"").Append(cy).Append("\" r=\"")
          .Append(SvgFormat.Coord(radius)).Append("\" stroke=\"").Append(color).Append('"');
        if (MarkerPulse.Repeats(marker.Kind))
            sb.Append(" style=\"animation-delay:").Append(MarkerPulse.DelaySeconds(marker.Id)).Append("s\"");
        sb.Append("/>");

        sb.Append("<circle class=\"marker-dot\" cx=\"").Append(cx).Append("\" cy=\"").Append(cy).Append("\" r=\"")
          .Append(SvgFormat.Coord(radius)).Append("\" fill=\"").Append(color).Append("\"/>");
        sb.Append("</g>");
    }

    internal static string Kebab(MapMarkerKind kind) => kind switch
    {
        MapMarkerKind.RedCase => "red",
        MapMarkerKind.CriticalCase => "critical",
        _ => "new",
    };
}
