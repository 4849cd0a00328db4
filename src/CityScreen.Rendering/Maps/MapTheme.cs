namespace CityScreen.Rendering.Maps;

/// <summary>Colours and the stylesheet of the dark command-centre map. Selectors are scoped under
/// <c>.cs-map</c> because a &lt;style&gt; inside inline SVG applies to the whole page.</summary>
internal static class MapTheme
{
    public const string FontFamily = "\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif";
    public const string NoDataBase = "#243042";
    public const string NoDataHatch = "#3b4a5e";

    public static string MarkerColor(MapMarkerKind kind) => kind switch
    {
        MapMarkerKind.RedCase => "#ff3b30",
        MapMarkerKind.CriticalCase => "#ff2bd6",
        _ => "#22d3ee",
    };

    // Strokes are non-scaling: the SVG stretches to its panel, borders should stay hairlines.
    public const string StyleSheet =
        ".cs-map text{font-family:" + FontFamily + ";}" +
        ".cs-map .areas{filter:drop-shadow(0 0 6px rgba(34,211,238,.35));}" +
        ".cs-map .area{stroke:#8cc4f0;stroke-opacity:.55;stroke-width:1px;stroke-linejoin:round;vector-effect:non-scaling-stroke;cursor:pointer;transition:filter .15s,stroke-width .15s;}" +
        ".cs-map .area:hover{stroke:#ffffff;stroke-opacity:1;stroke-width:2.5px;filter:brightness(1.3);}" +
        ".cs-map .area.highlight{stroke:#00e5ff;stroke-opacity:1;stroke-width:3px;}" +
        ".cs-map .outline{fill:none;stroke:#4fd8ff;stroke-width:2.5px;stroke-linejoin:round;vector-effect:non-scaling-stroke;pointer-events:none;filter:drop-shadow(0 0 4px #22d3ee);}" +
        ".cs-map .label{fill:#ffffff;stroke:#04101f;stroke-opacity:.9;stroke-linejoin:round;paint-order:stroke;text-anchor:middle;dominant-baseline:central;font-weight:500;pointer-events:none;}" +
        ".cs-map .label.highlight{fill:#7df3ff;font-weight:700;}" +
        ".cs-map .marker{cursor:pointer;}" +
        ".cs-map .marker-dot{stroke:#ffffff;stroke-width:1.5px;vector-effect:non-scaling-stroke;}" +
        ".cs-map .marker-pulse{fill:none;stroke-width:2px;vector-effect:non-scaling-stroke;pointer-events:none;opacity:0;transform-box:fill-box;transform-origin:center;animation:cs-marker-ring 1.6s ease-out 1;}" +
        ".cs-map .marker-red .marker-pulse,.cs-map .marker-critical .marker-pulse{animation-iteration-count:infinite;}" +
        "@keyframes cs-marker-ring{from{transform:scale(1);opacity:.9;}to{transform:scale(3.2);opacity:0;}}" +
        ".cs-map .legend-box{fill:#061224;fill-opacity:.8;stroke:#4fd8ff;stroke-opacity:.35;stroke-width:1px;}" +
        ".cs-map .legend-title{fill:#e6f2ff;font-weight:700;}" +
        ".cs-map .legend-note{fill:#8ea3bd;}" +
        ".cs-map .legend-item{fill:#c8d6e8;}" +
        ".cs-map .legend-swatch{stroke:#ffffff;stroke-opacity:.35;stroke-width:1px;}" +
        ".cs-map .empty{fill:#8ea3bd;text-anchor:middle;dominant-baseline:central;}";
}
