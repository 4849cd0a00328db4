using CityScreen.Domain.Index;
using CityScreen.Server.Components.Panels;
using CityScreen.Storage.Indices;
using CityScreen.Testing;

namespace CityScreen.Components.Tests;

public class IndexPanelFacts : BunitContext
{
    private readonly WallScene _scene = new();

    [Fact]
    public void Says_暂无指数_until_the_nightly_job_has_computed_one()
    {
        var context = _scene.Context(TestCity.Community);

        var panel = Render<IndexPanel>(p => p.Add(x => x.Context, context));

        Assert.Contains("暂无指数", panel.Find(".index-empty").TextContent);
        Assert.Empty(panel.FindAll(".index-value"));
    }

    [Fact]
    public void Shows_value_grade_stars_rank_change_and_the_dimensions()
    {
        var context = _scene.Context(TestCity.Community);
        context.Siblings = 2;
        context.Index = Record(TestCity.Community, 78.46, "B", stars: 4, rank: 1, change: -0.34);

        var panel = Render<IndexPanel>(p => p.Add(x => x.Context, context));

        Assert.Equal("78.5", panel.Find(".index-value").TextContent);
        Assert.Equal("B", panel.Find(".index-grade").TextContent);
        Assert.Equal("★★★★☆", panel.Find(".index-stars").TextContent);
        Assert.Contains("同级第 1 / 2", panel.Find(".index-meta").TextContent);
        Assert.Contains("▼0.3", panel.Find(".index-meta .down").TextContent);
        Assert.Equal(["组织覆盖", "治理效能"], panel.FindAll(".index-dimensions .d-name").Select(d => d.TextContent));
        Assert.Equal($"/explore/{TestCity.Community}", panel.Find("a.index-panel").GetAttribute("href"));
    }

    internal static IndexRecord Record(string areaId, double value, string grade, int? stars, int? rank, double? change)
    {
        var date = new DateOnly(2026, 11, 21);
        var explanation = new IndexExplanation(areaId, date, value, "test-1",
        [
            new DimensionExplanation("D1", "组织覆盖", 0.4, 90, [new IndicatorExplanation("PM03", "网格党组织覆盖率", 1, 100, 1, 3, 3)]),
            new DimensionExplanation("D4", "治理效能", 0.6, 70, [new IndicatorExplanation("EV08", "按期结案率", 0.85, 70, 1, 85, 100)]),
        ]);
        return new IndexRecord(date, areaId, "test-1", "community", TestCity.Street, value, grade, stars, rank, change, false,
            new Dictionary<string, double>(), new FrozenWeights("test-1", new DateOnly(2026, 11, 1), "community", [], new Dictionary<string, double>()), explanation);
    }
}
