using System.Globalization;
using System.Text.RegularExpressions;
using CityScreen.Rendering.Charts;
using CityScreen.Rendering.Tests.Maps;

namespace CityScreen.Rendering.Tests.Charts;

public class ScottPlotChartRendererFacts
{
    private readonly ScottPlotChartRenderer _renderer = new();

    [Fact]
    public void RenderTrendSvg_is_well_formed_xml_with_title_and_series_names()
    {
        var svg = _renderer.RenderTrendSvg(ChartRequests.Hourly());

        var strings = ChartSvgText.Strings(svg);
        Assert.Contains("近24小时案件趋势", strings);
        Assert.Contains("上报", strings);
        Assert.Contains("结案", strings);
        Assert.Contains("14:00", strings); // the newest bucket is always labelled
    }

    [Fact]
    public void RenderTrendSvg_daily_format_labels_ticks_as_month_day()
    {
        var request = ChartRequests.Hourly() with
        {
            Times = Enumerable.Range(0, 30).Select(i => new DateTime(2025, 10, 24).AddDays(i)).ToList(),
            TimeFormat = "MM-dd",
        };

        Assert.Contains("11-22", ChartSvgText.Strings(_renderer.RenderTrendSvg(request)));
    }

    [Fact]
    public void A_daily_chart_s_legend_with_its_note_stands_on_one_row_at_the_panel_s_size()
    {
        var request = ChartRequests.Hourly() with
        {
            Times = Enumerable.Range(0, 30).Select(i => new DateTime(2026, 11, 6).AddDays(i)).ToList(),
            TimeFormat = "MM-dd",
            Width = 440,
            Height = 150,
            Steps = true,
            Note = "12-02及以前为模拟历史",
        };

        var texts = ChartSvgText.Texts(_renderer.RenderTrendSvg(request));
        var rows = texts.Where(t => t.Value.Trim() is "上报" or "结案" or "12-02及以前为模拟历史").Select(ChartSvgText.TranslateY).ToList();

        Assert.Equal(3, rows.Count);
        // Sized to their text, the names are not pushed onto rows of their own (down over the lines) by the wide note.
        Assert.True(rows.Max() - rows.Min() < 4, $"legend rows at y {string.Join(", ", rows)}");
    }

    [Fact]
    public void RenderCategorySvg_shows_the_top_bars_largest_first_with_Chinese_names_and_values()
    {
        var request = ChartRequests.Categories() with { MaxBars = 10 };

        var texts = ChartSvgText.Texts(_renderer.RenderCategorySvg(request));
        var strings = texts.Select(t => t.Value.Trim()).ToList();

        Assert.Contains("案件类别排行", strings);
        Assert.Contains("412", strings);
        Assert.DoesNotContain("突发事件", strings); // 11th of 12
        Assert.DoesNotContain("其他", strings);
        string[] expectedOrder = ["市容环境", "街面秩序", "设施管理", "交通设施", "小区管理", "施工管理", "宣传广告", "房屋管理", "绿化林业", "河道水务"];
        var topToBottom = texts.Where(t => expectedOrder.Contains(t.Value.Trim())).OrderBy(ChartSvgText.TranslateY).Select(t => t.Value.Trim());
        Assert.Equal(expectedOrder, topToBottom);
    }

    [Fact]
    public void Render_tick_labels_are_at_least_14_px_at_600_px_wide()
    {
        foreach (var svg in new[] { _renderer.RenderTrendSvg(ChartRequests.Hourly()), _renderer.RenderCategorySvg(ChartRequests.Categories()) })
        {
            var sizes = ChartSvgText.Texts(svg).Select(t => double.Parse((string)t.Attribute("font-size")!, CultureInfo.InvariantCulture));
            Assert.All(sizes, size => Assert.True(size >= 14, $"font-size {size}"));
        }
    }

    [Fact]
    public void Render_is_ready_to_inline_no_xml_declaration_view_box_and_scoped_ids()
    {
        var trend = _renderer.RenderTrendSvg(ChartRequests.Hourly());
        var category = _renderer.RenderCategorySvg(ChartRequests.Categories());

        Assert.StartsWith("<svg", trend);
        Assert.Equal("0 0 600 360", (string?)SvgXml.Parse(trend).Root!.Attribute("viewBox"));
        var trendIds = Ids(trend);
        Assert.NotEmpty(trendIds);
        Assert.Empty(trendIds.Intersect(Ids(category))); // both can sit on one page
    }

    [Fact]
    public void Render_glyph_position_lists_have_no_trailing_comma()
    {
        var svg = _renderer.RenderCategorySvg(ChartRequests.Categories());

        Assert.DoesNotMatch(@"\s[xy]=""[^""]*,\s*""", svg);
    }

    [Fact]
    public void Render_same_input_gives_the_same_string()
    {
        Assert.Equal(_renderer.RenderTrendSvg(ChartRequests.Hourly()), new ScottPlotChartRenderer().RenderTrendSvg(ChartRequests.Hourly()));
        Assert.Equal(_renderer.RenderCategorySvg(ChartRequests.Categories()), _renderer.RenderCategorySvg(ChartRequests.Categories()));
    }

    [Fact]
    public void Render_from_many_threads_at_once_gives_the_same_output_as_one_thread()
    {
        var expectedTrend = _renderer.RenderTrendSvg(ChartRequests.Hourly());
        var expectedCategory = _renderer.RenderCategorySvg(ChartRequests.Categories());

        var results = Enumerable.Range(0, 16).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => i % 2 == 0 ? (Expected: expectedTrend, Actual: _renderer.RenderTrendSvg(ChartRequests.Hourly()))
                                    : (Expected: expectedCategory, Actual: _renderer.RenderCategorySvg(ChartRequests.Categories())))
            .ToList();

        Assert.All(results, r => Assert.Equal(r.Expected, r.Actual));
    }

    [Fact]
    public void RenderTrendSvg_no_series_or_no_times_shows_an_empty_chart()
    {
        var noSeries = _renderer.RenderTrendSvg(ChartRequests.Hourly() with { Series = [] });
        var noTimes = _renderer.RenderTrendSvg(ChartRequests.Hourly() with { Times = [] });

        foreach (var svg in new[] { noSeries, noTimes })
        {
            Assert.Contains(ScottPlotChartRenderer.NoDataText, ChartSvgText.Strings(svg));
            Assert.DoesNotContain("NaN", svg);
        }
    }

    [Fact]
    public void RenderTrendSvg_all_zero_or_short_series_has_no_NaN()
    {
        var request = ChartRequests.Hourly();
        var zeros = request with { Series = [new("上报", request.Times.Select(_ => 0.0).ToList(), "#22d3ee")] };
        var tooShort = request with { Series = [new("上报", [1, double.NaN], "not a colour")] };

        foreach (var svg in new[] { _renderer.RenderTrendSvg(zeros), _renderer.RenderTrendSvg(tooShort) })
        {
            SvgXml.Parse(svg);
            Assert.DoesNotContain("NaN", svg);
            Assert.DoesNotContain("Infinity", svg);
        }
    }

    [Fact]
    public void RenderCategorySvg_empty_or_all_zero_shows_an_empty_chart()
    {
        var empty = _renderer.RenderCategorySvg(ChartRequests.Categories() with { Bars = [] });
        var zeros = _renderer.RenderCategorySvg(ChartRequests.Categories() with { Bars = [("市容环境", 0), ("街面秩序", 0)] });

        Assert.Contains(ScottPlotChartRenderer.NoDataText, ChartSvgText.Strings(empty));
        Assert.Contains("市容环境", ChartSvgText.Strings(zeros));
        Assert.DoesNotContain("NaN", empty + zeros);
    }

    [Fact]
    public void RenderCategorySvg_escapes_markup_in_category_names()
    {
        var svg = _renderer.RenderCategorySvg(ChartRequests.Categories() with { Bars = [("A&B<c>", 5)] });

        Assert.Contains("A&B<c>", ChartSvgText.Strings(svg));
    }

    private static HashSet<string> Ids(string svg) =>
        Regex.Matches(svg, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
}
