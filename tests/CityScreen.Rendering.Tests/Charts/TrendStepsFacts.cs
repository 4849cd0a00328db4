using CityScreen.Rendering.Charts;
using ScottPlot.Plottables;

namespace CityScreen.Rendering.Tests.Charts;

public class TrendStepsFacts
{
    [Fact]
    public void Sparse_hourly_counts_drawn_as_steps_have_only_flat_and_vertical_edges_at_the_counts_themselves()
    {
        var hours = ChartRequests.Hourly();
        double[] counts = [0, 1, 0, 0, 2, 0, 1, 1, 0, 0, 0, 3, 0, 0, 1, 0, 0, 0, 0, 1, 0, 2, 0, 0];
        var request = hours with { Series = [new TrendSeries("上报", counts, "#22d3ee")], Steps = true };

        var scatter = Assert.Single(TrendPlot.Build(request).GetPlottables<Scatter>());
        var points = scatter.Data.GetScatterPoints();

        Assert.All(points, p => Assert.Contains(p.Y, counts));
        Assert.All(points.Zip(points.Skip(1)), e => Assert.True(e.First.X == e.Second.X || e.First.Y == e.Second.Y, $"diagonal edge {e.First} → {e.Second}"));
        for (var i = 0; i < counts.Length; i++)
            Assert.Contains(points, p => p.X > i - 0.5 && p.X <= i + 0.5 && p.Y == counts[i]);
    }

    [Fact]
    public void A_trend_note_is_shown_after_the_legend()
    {
        var request = ChartRequests.Hourly() with { Note = "虚线前为模拟历史" };

        Assert.Contains("虚线前为模拟历史", ChartSvgText.Strings(new ScottPlotChartRenderer().RenderTrendSvg(request)));
    }
}
