using System.Globalization;
using CityScreen.Rendering.Svg;

namespace CityScreen.Rendering.Maps;

/// <summary>
/// How a marker's ring pulses wherever it is drawn (the map's SVG, the wall's marker layer): a CSS
/// animation of transform and opacity, once for a new case, repeating for a critical or red one.
/// </summary>
public static class MarkerPulse
{
    /// <summary>The class of a marker of <paramref name="kind"/> ("marker-new", "marker-red", "marker-critical").</summary>
    public static string ClassOf(MapMarkerKind kind) => "marker-" + MapMarkers.Kebab(kind);

    /// <summary>The colour of a marker of <paramref name="kind"/>'s dot and ring.</summary>
    public static string ColorOf(MapMarkerKind kind) => MapTheme.MarkerColor(kind);

    /// <summary>Whether the ring repeats until the marker goes (alarms) rather than playing once (a new case).</summary>
    public static bool Repeats(MapMarkerKind kind) => kind != MapMarkerKind.NewCase;

    /// <summary>
    /// A negative animation delay from the id (deterministic, so the same on every page), so that a
    /// burst of alarms does not pulse in lockstep.
    /// </summary>
    public static string DelaySeconds(string id) =>
        (-(double)(StableHash.Of(id) % 16) / 16 * 1.6).ToString("0.###", CultureInfo.InvariantCulture);
}
