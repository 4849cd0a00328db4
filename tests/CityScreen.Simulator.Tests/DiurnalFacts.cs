using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Tests;

[Collection(TwoDaysCollection.Name)]
public class DiurnalFacts(TwoDays run)
{
    private static double[] PerHour(IEnumerable<CityEvent> events)
    {
        var hours = new double[24];
        foreach (var e in events) hours[e.OccurredAt.Hour]++;
        return hours;
    }

    [Fact]
    public void Night_hours_are_clearly_quieter_than_ten_o_clock()
    {
        var hours = PerHour(run.Events);
        for (var h = 1; h <= 5; h++) Assert.True(hours[h] < 0.5 * hours[10], $"{h}:00 has {hours[h]}, 10:00 has {hours[10]}");
    }

    [Fact]
    public void Reports_peak_in_the_morning_and_afternoon()
    {
        var hours = PerHour(run.Reports);
        Assert.True(hours[10] > 1.4 * hours[13]);
        Assert.True(hours[15] > hours[13]);
        Assert.True(hours[10] > 10 * hours[3]);
    }

    [Fact]
    public void Hotline_and_noise_stay_busy_in_the_evening()
    {
        var hotline = PerHour(run.Reports.Where(e => e.Kind == "hotline"));
        var street = PerHour(run.Reports.Where(e => e.Kind == "event"));
        Assert.True(hotline[20] / hotline[10] > 2 * (street[20] / street[10]));

        var eveningNoise = TwoDays.Share(run.Reports.Where(e => e.OccurredAt.Hour is >= 19 and <= 23).ToList(), e => e.Category == "噪音扰民");
        var morningNoise = TwoDays.Share(run.Reports.Where(e => e.OccurredAt.Hour is >= 9 and <= 11).ToList(), e => e.Category == "噪音扰民");
        Assert.True(eveningNoise > 2 * morningNoise);
    }

    [Fact]
    public void Times_are_in_Shanghai_time()
    {
        Assert.All(run.Events, e => Assert.Equal(TestCity.Offset, e.OccurredAt.Offset));
        Assert.All(run.Events.Where(e => e.DueAt is not null), e => Assert.Equal(TestCity.Offset, e.DueAt!.Value.Offset));
    }
}
