using System.Globalization;
using System.Text.Json;
using ScottPlot;

namespace CityScreen.Rendering.Charts;

/// <summary>
/// Where each bucket of a rendered trend chart sits in the chart's own SVG coordinates, with its values,
/// as JSON for a <c>data-points</c> attribute: the browser shows the nearest bucket's values on hover
/// without redrawing the chart.
/// </summary>
internal static class TrendPoints
{
    public sealed record Value(string Name, double V, double Y, string Color);

    public sealed record Bucket(double X, string T, IReadOnlyList<Value> Values);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Only valid after the plot was rendered (its data area is known then).</summary>
    public static string ToJson(Plot plot, TrendChartRequest r)
    {
        var times = r.Times ?? [];
        var series = (r.Series ?? []).Select(s => (Series: s, Ys: TrendPlot.Values(s, times.Count))).ToList();
        var format = string.IsNullOrWhiteSpace(r.TimeFormat) ? "HH:mm" : r.TimeFormat;
        var buckets = times.Select((t, i) => new Bucket(
            Math.Round(plot.GetPixel(new Coordinates(i, 0)).X, 1),
            t.ToString(format, CultureInfo.InvariantCulture),
            [.. series.Select(s => new Value(s.Series.Label ?? string.Empty, s.Ys[i],
                Math.Round(plot.GetPixel(new Coordinates(i, s.Ys[i])).Y, 1), s.Series.ColorHex ?? string.Empty))]));
        return JsonSerializer.Serialize(buckets, Json);
    }
}
