using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace CityScreen.Rendering.Charts;

/// <summary>Builds the line chart of a <see cref="TrendChartRequest"/>: x is the bucket index, labelled with local times.</summary>
internal static class TrendPlot
{
    /// <summary>Tick steps (in buckets) that read naturally for hours and days.</summary>
    private static readonly int[] TickSteps = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 30];

    private const int SamplesPerBucket = 8;

    public static Plot Build(TrendChartRequest r)
    {
        var plot = new Plot();
        var times = r.Times ?? [];
        var n = times.Count;
        var lineWidth = Math.Clamp(r.Height / 120f, 2.5f, 5f);

        var tick = ChartTheme.TickFontSize(r.Height);
        var legend = new List<LegendItem>();
        var max = 0.0;
        var integral = true;
        foreach (var series in r.Series ?? [])
        {
            if (n == 0)
                break;
            var ys = Values(series, n);
            var color = ChartTheme.ParseColor(series.ColorHex, ChartTheme.Accent);
            // Daily totals are large and smooth enough for a monotone curve (no invented peaks or dips
            // below zero); sparse hourly counts are steps, since a curve between 0 and 1 shows values that never happened.
            var (sx, sy) = r.Steps ? StepPoints(ys) : MonotoneSpline.Sample(ys, SamplesPerBucket);
            var line = plot.Add.ScatterLine(sx, sy, color);
            line.LineWidth = lineWidth;
            line.MarkerSize = 0;
            if (legend.Count == 0)
            {
                line.FillY = true;
                line.FillYValue = 0;
                line.FillYColor = color.WithOpacity(0.16);
            }
            legend.Add(ChartTheme.LegendLine(series.Label ?? string.Empty, color, tick));
            max = Math.Max(max, ys.Max());
            integral &= ys.All(v => v == Math.Floor(v));
        }

        ChartTheme.Apply(plot, r.Title, r.Height);
        var margin = r.Steps ? 0.5 : 0.3;
        plot.Axes.SetLimitsX(n > 1 ? -margin : -1, n > 1 ? n - 1 + margin : 1);
        // Counts start at zero; an all-zero series still gets a 0..1 axis rather than a degenerate (NaN) one.
        // Above the highest value, room for the legend's row, so that no line runs under its text.
        var legendRow = tick * 3f;
        var dataHeight = Math.Max(r.Height - tick * 3.5f, legendRow * 2);
        plot.Axes.SetLimitsY(0, max > 0 ? max * Math.Max(1.18, 1 / (1 - legendRow / dataHeight)) : 1);
        plot.Axes.Bottom.TickGenerator = TimeTicks(times, r.TimeFormat, r.Width, tick);
        plot.Axes.Left.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = integral,
            LabelFormatter = v => v.ToString("#,##0.##", CultureInfo.InvariantCulture),
        };

        if (legend.Count == 0)
            ChartTheme.AddNoDataNotice(plot, r.Height);
        else if (legend.Any(item => !string.IsNullOrWhiteSpace(item.LabelText)))
        {
            if (!string.IsNullOrWhiteSpace(r.Note))
                legend.Add(ChartTheme.LegendNote(r.Note, tick));
            plot.Legend.ManualItems.AddRange(legend);
            plot.Legend.DisplayPlottableLegendItems = false;
            // Items sized to their text, not to the widest (the note): otherwise the note pushes the
            // names onto rows of their own, down over the lines.
            plot.Legend.TightHorizontalWrapping = true;
            plot.ShowLegend(Alignment.UpperLeft, Orientation.Horizontal);
        }
        return plot;
    }

    /// <summary>Each bucket's value held flat across its width (x ± 0.5), joined by vertical edges: only the counts themselves are drawn.</summary>
    internal static (double[] X, double[] Y) StepPoints(double[] ys)
    {
        var x = new double[ys.Length * 2];
        var y = new double[ys.Length * 2];
        for (var i = 0; i < ys.Length; i++)
        {
            x[2 * i] = i - 0.5;
            x[2 * i + 1] = i + 0.5;
            y[2 * i] = y[2 * i + 1] = ys[i];
        }
        return (x, y);
    }

    /// <summary>One value per bucket; missing or non-finite values count as 0 so the line never breaks into NaN.</summary>
    internal static double[] Values(TrendSeries series, int n) =>
        Enumerable.Range(0, n)
            .Select(i => series.Values is { } v && i < v.Count && double.IsFinite(v[i]) ? v[i] : 0)
            .ToArray();

    /// <summary>Labels every k-th bucket, counting back from the newest so "now" is always labelled.</summary>
    private static NumericManual TimeTicks(IReadOnlyList<DateTime> times, string? format, int width, float fontSize)
    {
        var ticks = new NumericManual();
        if (times.Count == 0)
            return ticks;

        format = string.IsNullOrWhiteSpace(format) ? "HH:mm" : format;
        var labelWidth = fontSize * 0.6 * Math.Max(format.Length, 2);
        var plotWidth = Math.Max(width - 6 * fontSize, labelWidth);
        var fitting = Math.Max(1, (int)(plotWidth / (labelWidth * 1.6)));
        var wanted = (int)Math.Ceiling(times.Count / (double)fitting);
        var step = TickSteps.FirstOrDefault(s => s >= wanted, wanted);

        for (var i = times.Count - 1; i >= 0; i -= step)
            ticks.AddMajor(i, times[i].ToString(format, CultureInfo.InvariantCulture));
        return ticks;
    }
}
