namespace CityScreen.Rendering.Maps;

/// <summary>
/// Everything one map picture depends on; the same request always yields the same SVG.
/// <paramref name="Outline"/> is drawn on top without fill, e.g. the parent boundary.
/// </summary>
public sealed record MapRequest(
    IReadOnlyList<MapFeature> Features,
    IReadOnlyList<MapMarker> Markers,
    int Width,
    int Height,
    ColorScale Scale,
    string LegendTitle,
    bool LowerIsBetter,
    string? HighlightId = null,
    IReadOnlyList<MapFeature>? Outline = null);
