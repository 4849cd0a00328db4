using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;
using CityScreen.Testing;

namespace CityScreen.Components.Tests;

public class SameTimeYesterdayFacts
{
    private readonly WallScene _scene = new();
    private static readonly IndicatorDefinition Open = IndicatorCatalog.Get("EV02");

    [Fact]
    public void Reads_yesterday_between_the_quarter_hours_around_the_same_time()
    {
        var slot = WallScene.Now.AddDays(-1).AddMinutes(-5); // 15:15 yesterday, the quarter hour holding 15:20
        _scene.Yesterday.Record(TestCity.Street, slot, _scene.Values(slot, (Counter.Open, 100)));
        _scene.Yesterday.Record(TestCity.Street, slot.AddMinutes(15), _scene.Values(slot, (Counter.Open, 130)));

        Assert.Equal(110, _scene.Yesterday.Yesterday(TestCity.Street, Open, WallScene.Now)!.Value, 6);
    }

    [Fact]
    public void Keeps_the_first_sample_of_a_quarter_hour()
    {
        var t = WallScene.Now.AddDays(-1);
        _scene.Yesterday.Record(TestCity.Street, t, _scene.Values(t, (Counter.Open, 7)));
        _scene.Yesterday.Record(TestCity.Street, t.AddMinutes(1), _scene.Values(t, (Counter.Open, 70)));

        Assert.Equal(7, _scene.Yesterday.Yesterday(TestCity.Street, Open, WallScene.Now));
    }

    [Fact]
    public void Knows_nothing_of_a_day_it_did_not_sample_nor_of_a_rate_without_a_denominator()
    {
        var t = WallScene.Now.AddDays(-2);
        _scene.Yesterday.Record(TestCity.Street, t, _scene.Values(t, (Counter.Open, 7)));
        Assert.Null(_scene.Yesterday.Yesterday(TestCity.Street, Open, WallScene.Now));

        var y = WallScene.Now.AddDays(-1);
        _scene.Yesterday.Record(TestCity.Street, y, _scene.Values(y, (Counter.Open, 7)));
        Assert.Null(_scene.Yesterday.Yesterday(TestCity.Street, IndicatorCatalog.Get("EV08"), WallScene.Now));
    }

    [Fact]
    public void Samples_every_area_the_feed_knows()
    {
        _scene.Publish(TestCity.Grid, WallScene.Now, 1, (Counter.Open, 4));
        _scene.Yesterday.SampleNow();

        _scene.Time.Now = WallScene.Now.AddDays(1);

        Assert.Equal(4, _scene.Yesterday.Yesterday(TestCity.Grid, Open, _scene.Time.Now));
        Assert.Null(_scene.Yesterday.Yesterday(TestCity.OtherGrid, Open, _scene.Time.Now));
    }
}
