using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Tests;

[Collection(TwoDaysCollection.Name)]
public class CaseMixFacts(TwoDays run)
{
    [Theory]
    [InlineData("event", 0.57, 0.67)]
    [InlineData("part", 0.015, 0.045)]
    [InlineData("hotline", 0.24, 0.32)]
    [InlineData("order", 0.05, 0.09)]
    public void Kinds_are_mixed_like_a_citys_cases(string kind, double min, double max)
    {
        Assert.InRange(TwoDays.Share(run.Reports, e => e.Kind == kind), min, max);
    }

    [Fact]
    public void Parts_are_a_few_percent_of_what_grid_workers_find()
    {
        var found = run.Reports.Where(e => e.Kind is "event" or "part").ToList();
        Assert.InRange(TwoDays.Share(found, e => e.Kind == "part"), 0.02, 0.08);
    }

    [Fact]
    public void Street_disorder_and_advertising_lead_the_events_after_litter()
    {
        var events = run.Reports.Where(e => e.Kind == "event").ToList();
        var top = events.GroupBy(e => e.Category!).OrderByDescending(g => g.Count()).Take(3).Select(g => g.Key).ToList();
        string[] expected = ["市容环境", "街面秩序", "宣传广告"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), top.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("normal", 0.90, 0.96)]
    [InlineData("major", 0.04, 0.08)]
    [InlineData("critical", 0.005, 0.02)]
    public void Levels_are_mostly_normal(string level, double min, double max)
    {
        Assert.InRange(TwoDays.Share(run.Reports, e => e.Level == level), min, max);
    }

    [Theory]
    [InlineData("市容环境")]
    [InlineData("街面秩序")]
    [InlineData("宣传广告")]
    [InlineData("车辆乱停")]
    [InlineData("噪音扰民")]
    [InlineData("物业管理")]
    public void Common_categories_each_take_at_least_five_percent(string category)
    {
        Assert.InRange(TwoDays.Share(run.Reports, e => e.Category == category), 0.05, 0.25);
    }

    [Theory]
    [InlineData("突发事件")]
    [InlineData("消防隐患")]
    public void Rare_categories_stay_rare(string category)
    {
        Assert.InRange(TwoDays.Share(run.Reports, e => e.Category == category), 0.001, 0.025);
    }

    [Fact]
    public void Every_category_occurs()
    {
        Assert.Equal(CaseVocabulary.Categories.OrderBy(c => c), run.Reports.Select(e => e.Category!).Distinct().OrderBy(c => c));
    }

    [Fact]
    public void Emergencies_are_more_often_serious_than_nuisances()
    {
        var emergencies = run.Reports.Where(e => e.Category == "突发事件").ToList();
        var litter = run.Reports.Where(e => e.Category == "市容环境").ToList();

        Assert.True(TwoDays.Share(emergencies, e => e.Level != "normal") > 3 * TwoDays.Share(litter, e => e.Level != "normal"));
    }

    [Fact]
    public void Titles_name_a_place_and_fit_the_category()
    {
        foreach (var e in run.Reports.Where(e => e.Category == "噪音扰民").Take(200))
            Assert.Matches("(噪音|喧哗)", e.Title!);
        foreach (var e in run.Reports.Where(e => e.Category == "车辆乱停").Take(200))
            Assert.Matches("(停|占用)", e.Title!);
        Assert.All(run.Reports, e => Assert.Matches("(路|街|大道|小区|新村|家属院|家园|花园|湾)", e.Title!));
    }

    [Fact]
    public void Locations_are_near_their_grid()
    {
        var grids = TestCity.Grids.ToDictionary(g => g.GridId);
        Assert.All(run.Reports, e =>
        {
            var grid = grids[e.GridId!];
            Assert.NotNull(e.Location);
            Assert.InRange(e.Location![0], grid.Lon - 0.003, grid.Lon + 0.003);
            Assert.InRange(e.Location[1], grid.Lat - 0.003, grid.Lat + 0.003);
        });
    }

    [Fact]
    public void Bigger_grids_see_more_cases()
    {
        var perGrid = run.Reports.GroupBy(e => e.GridId!).ToDictionary(g => g.Key, g => g.Count());
        var byHouseholds = TestCity.Grids.OrderBy(g => g.Households).ToList();
        var small = byHouseholds.Take(100).Sum(g => perGrid.GetValueOrDefault(g.GridId));
        var large = byHouseholds.TakeLast(100).Sum(g => perGrid.GetValueOrDefault(g.GridId));

        Assert.True(large > 2 * small);
    }
}
