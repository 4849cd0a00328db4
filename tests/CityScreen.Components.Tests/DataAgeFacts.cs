using CityScreen.Contracts.Indicators;
using CityScreen.Dashboards.Layouts;
using CityScreen.Dashboards.Panels;
using CityScreen.Server.Components.Panels;
using CityScreen.Testing;

namespace CityScreen.Components.Tests;

/// <summary>Every panel says how old its data is in its title strip.</summary>
public class DataAgeFacts : BunitContext
{
    private readonly WallScene _scene = new();
    private static readonly Panel RedYellow = new("red-yellow", PanelType.RedYellow, 0, 0, 320, 260, new RedYellowOptions(), Title: "红黄牌");

    private string AgeShown()
    {
        var context = _scene.Context(TestCity.Street, RedYellow);
        return Render<PanelView>(p => p.Add(x => x.Context, context).Add(x => x.Panel, RedYellow)).Find(".panel-age").TextContent;
    }

    [Fact]
    public void Fresh_data_is_实时()
    {
        _scene.Publish(TestCity.Street, WallScene.Now.AddSeconds(-1), 1, (Counter.Red, 2));

        Assert.Equal("实时", AgeShown());
    }

    [Fact]
    public void Data_under_a_minute_old_says_how_many_seconds()
    {
        _scene.Publish(TestCity.Street, WallScene.Now.AddSeconds(-30), 1, (Counter.Red, 2));

        Assert.Equal("30秒前", AgeShown());
    }

    [Fact]
    public void Older_data_says_the_time_it_is_from()
    {
        _scene.Publish(TestCity.Street, WallScene.Now.AddMinutes(-5), 1, (Counter.Red, 2));

        Assert.Equal("15:15:00", AgeShown());
    }

    [Fact]
    public void Without_data_it_says_it_is_waiting()
    {
        Assert.Equal("等待数据", AgeShown());
    }
}
