using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace CityScreen.Rendering.Charts;

/// <summary>Builds the ranking chart of a <see cref="CategoryChartRequest"/>: horizontal bars, largest on top, values at bar ends.</summary>
internal static class CategoryPlot
{
    /// <summary>Longer category names would squeeze the bars; the full name is still in the data the page shows elsewhere.</summary>
    private const int MaxNameLength = 8;

    private static readonly Color TopBarColor = Color.FromHex("#22d3ee");
    private static readonly Color BarColor = Color.FromHex("#1e88c8");

    public static Plot Build(CategoryChartRequest r)
    {
        var plot = new Plot();
        var maxBars = r.MaxBars > 0 ? r.MaxBars : 10;
        var ranked = (r.Bars ?? [])
            .Where(b => double.IsFinite(b.Value))
            .OrderByDescending(b => b.Value)
            .ThenBy(b => b.Category, StringComparer.Ordinal)
            .Take(maxBars)
            .ToList();
        var k = ranked.Count;
        var fontSize = ChartTheme.TickFontSize(r.Height);

        if (k > 0)
        {
            // Top three in the bright accent: the ranking's head is what the duty officer looks for.
            var bars = ranked.Select((b, i) => new Bar
            {
                Position = k - 1 - i,
                Value = b.Value,
                ValueBase = 0,
                Size = 0.62,
                FillColor = i < 3 ? TopBarColor : BarColor,
                LineWidth = 0,
                Label = Format(b.Value),
                Orientation = Orientation.Horizontal,
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            ChartTheme.Style(plottable.ValueLabelStyle, fontSize, ChartTheme.TitleColor);
            plottable.ValueLabelStyle.Bold = true;
        }

        ChartTheme.Apply(plot, r.Title, r.Height);
        var max = ranked.Select(b => b.Value).DefaultIfEmpty(0).Max();
        var min = ranked.Select(b => b.Value).DefaultIfEmpty(0).Min();
        // Room right of the longest bar for its value label; an all-zero ranking still gets a 0..1 axis.
        plot.Axes.SetLimitsX(Math.Min(0, min * 1.2), max > 0 ? max * 1.2 : 1);
        plot.Axes.SetLimitsY(-0.6, Math.Max(k, 1) - 0.4);

        plot.Axes.Left.TickGenerator = new NumericManual(
            ranked.Select((_, i) => (double)(k - 1 - i)).ToArray(),
            ranked.Select(b => Shorten(b.Category)).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = ranked.All(b => b.Value == Math.Floor(b.Value)),
            LabelFormatter = Format,
        };
        // Horizontal grid lines would run through the bars; only the value grid helps here.
        plot.Grid.YAxisStyle.IsVisible = false;

        if (k == 0)
            ChartTheme.AddNoDataNotice(plot, r.Height);
        return plot;
    }

    private static string Format(double value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    private static string Shorten(string? name)
    {
        name = (name ?? string.Empty).Trim();
        return name.Length <= MaxNameLength ? name : name[..(MaxNameLength - 1)] + "…";
    }
}
