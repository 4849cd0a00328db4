using System.Text.RegularExpressions;
using ScottPlot;
using SkiaSharp;

namespace CityScreen.Rendering.Charts;

/// <summary>The dark command-centre look shared by every chart, with fonts sized for reading at 5 m.</summary>
internal static partial class ChartTheme
{
    /// <summary>Skia measures and ScottPlot names this font; Debian's fonts-noto-cjk provides it on the server.</summary>
    public const string FontName = "Noto Sans CJK SC";

    public static readonly Color TitleColor = Color.FromHex("#e6f2ff");
    public static readonly Color TextColor = Color.FromHex("#b4c4d8");
    public static readonly Color AxisLineColor = Color.FromHex("#5b7392");
    public static readonly Color GridColor = Color.FromHex("#ffffff").WithOpacity(0.08);
    public static readonly Color DataAreaColor = Color.FromHex("#ffffff").WithOpacity(0.03);
    public static readonly Color Accent = Color.FromHex("#22d3ee");

    /// <summary>
    /// ScottPlot puts the baseline "font bottom" above the bottom of the text box. Noto Sans CJK's bottom
    /// (the lowest point of any of its 65k glyphs) is ~1.05 em against a 0.29 em descent, so every label
    /// would float ~0.76 em too high. Per em; read from the font once.
    /// </summary>
    private static readonly Lazy<float> BaselineCorrectionEm = new(() =>
    {
        // ScottPlot's own cached typeface (the one it measures with); shared, so not disposed here.
        using var font = new SKFont(Fonts.GetTypeface(FontName, bold: false, italic: false), 100);
        var metrics = font.Metrics;
        return Math.Max(0, metrics.Bottom - metrics.Descent) / 100f;
    });

    /// <summary>Tick labels: at least 14 px (readable at 5 m on a 1080p wall), growing with the chart height.</summary>
    public static float TickFontSize(int height) => Math.Clamp(height / 22f, 14f, 30f);

    public static float BaselineCorrection(float fontSize) => BaselineCorrectionEm.Value * fontSize;

    public static void Apply(Plot plot, string? title, int height)
    {
        var tick = TickFontSize(height);
        plot.Font.Set(FontName);

        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = DataAreaColor;

        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            Style(axis.TickLabelStyle, tick, TextColor);
            axis.MajorTickStyle.Color = AxisLineColor;
            axis.MajorTickStyle.Length = tick * 0.3f;
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Color = AxisLineColor;
        }
        // An open frame (left and bottom only) reads lighter on a dense wall.
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;

        plot.Grid.MajorLineColor = GridColor;
        plot.Grid.MinorLineWidth = 0;

        var titleLabel = plot.Axes.Title.Label;
        titleLabel.Text = title ?? string.Empty;
        Style(titleLabel, tick * 1.3f, TitleColor);
        titleLabel.Bold = true;
        plot.Axes.Title.IsVisible = !string.IsNullOrWhiteSpace(title);

        plot.Legend.FontName = FontName;
        plot.Legend.FontSize = tick;
        plot.Legend.FontColor = TextColor;
        plot.Legend.BackgroundColor = Colors.Transparent;
        plot.Legend.OutlineColor = Colors.Transparent;
        plot.Legend.ShadowColor = Colors.Transparent;
    }

    /// <summary>Font, size, colour and the baseline correction for one ScottPlot label.</summary>
    public static void Style(LabelStyle label, float fontSize, Color color)
    {
        label.FontName = FontName;
        label.FontSize = fontSize;
        label.ForeColor = color;
        label.OffsetY = BaselineCorrection(fontSize);
    }

    /// <summary>A legend entry (line swatch + name) with the same baseline correction as every other label.</summary>
    public static LegendItem LegendLine(string text, Color color, float fontSize) => new()
    {
        LabelText = text,
        LabelFontName = FontName,
        LabelFontSize = fontSize,
        LabelFontColor = TextColor,
        LabelOffsetY = BaselineCorrection(fontSize),
        LineColor = color,
        LineWidth = Math.Max(3, fontSize / 5),
        MarkerShape = MarkerShape.None,
    };

    /// <summary>A legend entry that is text only (a note such as which days are simulated), dimmer than the series' names.</summary>
    public static LegendItem LegendNote(string text, float fontSize) => new()
    {
        LabelText = text,
        LabelFontName = FontName,
        LabelFontSize = fontSize * 0.85f,
        LabelFontColor = TextColor.WithOpacity(0.75),
        LabelOffsetY = BaselineCorrection(fontSize * 0.85f),
        LineWidth = 0,
        MarkerShape = MarkerShape.None,
    };

    /// <summary>Shows a centred "暂无数据" over the empty data area instead of leaving a blank box.</summary>
    public static void AddNoDataNotice(Plot plot, int height)
    {
        var notice = plot.Add.Annotation(ScottPlotChartRenderer.NoDataText, Alignment.MiddleCenter);
        Style(notice.LabelStyle, TickFontSize(height) * 1.2f, TextColor);
        notice.LabelBackgroundColor = Colors.Transparent;
        notice.LabelBorderColor = Colors.Transparent;
        notice.LabelShadowColor = Colors.Transparent;
    }

    /// <summary>Parses "#rrggbb"; a malformed colour from a caller falls back instead of failing the whole chart.</summary>
    public static Color ParseColor(string? hex, Color fallback) =>
        hex is not null && HexColor().IsMatch(hex) ? Color.FromHex(hex) : fallback;

    [GeneratedRegex("^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")]
    private static partial Regex HexColor();
}
