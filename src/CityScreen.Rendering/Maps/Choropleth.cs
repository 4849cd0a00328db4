using CityScreen.Rendering.Svg;

namespace CityScreen.Rendering.Maps;

/// <summary>
/// Maps values to fills. "Worse" always gets the bright end of the scale and "better" the dark end, whichever
/// direction the indicator runs: on a dark wall brightness draws the eye, and problems should draw it.
/// </summary>
internal sealed class Choropleth
{
    /// <summary>The darkest stops sink into the navy page; start a little way up the scale.</summary>
    private const double DarkestShade = 0.15;

    public const string NoDataFill = "url(#" + SvgIdScope.Placeholder + "nodata)";

    private readonly string[] _classFills;

    public Choropleth(IEnumerable<MapFeature> features, ColorScale scale, bool lowerIsBetter)
    {
        Breaks = ClassBreaks.From(features.Where(f => f.Value.HasValue).Select(f => f.Value!.Value));
        _classFills = Enumerable.Range(0, Breaks.Count)
            .Select(i => ColorRamp.Sample(scale, DarkestShade + (1 - DarkestShade) * Worseness(i, Breaks.Count, lowerIsBetter)))
            .ToArray();
    }

    public ClassBreaks Breaks { get; }

    /// <summary>Fill of each class, lowest values first.</summary>
    public IReadOnlyList<string> ClassFills => _classFills;

    public string FillOf(double? value) =>
        value is { } v && double.IsFinite(v) && _classFills.Length > 0 ? _classFills[Breaks.ClassOf(v)] : NoDataFill;

    private static double Worseness(int index, int count, bool lowerIsBetter)
    {
        if (count == 1)
            return 0.5;
        var rank = (double)index / (count - 1);
        return lowerIsBetter ? rank : 1 - rank;
    }
}
