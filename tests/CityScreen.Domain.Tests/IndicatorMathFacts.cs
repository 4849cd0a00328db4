using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Ledger;
using static CityScreen.Testing.CaseSteps;

namespace CityScreen.Domain.Tests;

public class IndicatorMathFacts
{
    [Fact]
    public void A_parent_rate_comes_from_summed_counts_not_from_averaged_rates()
    {
        var a = Values(Counter.Satisfied30, 1, Counter.Ratings30, 1);     // 100 %
        var b = Values(Counter.Satisfied30, 1, Counter.Ratings30, 9);     // 11 %

        var sum = IndicatorMath.Sum([a, b], a.HourAnchor, a.DayAnchor);

        Assert.Equal(0.2, IndicatorCatalog.Get("SA01").ValueOf(sum));
    }

    [Fact]
    public void A_child_an_hour_behind_is_shifted_into_the_right_buckets_and_its_today_dropped_after_midnight()
    {
        var clock = TestClock.Shanghai;
        var s = new CaseSteps("AJ1");
        var ledger = new GridLedger(LeafReference.None, clock);
        ledger.Apply(s.Reported(Local(10, 23, 30)));
        var behind = ledger.Compute(Local(10, 23, 40)).Values;     // still on the 10th, hour 23
        var current = ledger.Compute(Local(11, 0, 5)).Values;      // the 11th, hour 00

        var sum = IndicatorMath.Sum([behind], current.HourAnchor, current.DayAnchor);

        Assert.Equal(current.ReportedHourly, sum.ReportedHourly);
        Assert.Equal(current.ReportedDaily, sum.ReportedDaily);
        Assert.Equal(0, sum[Counter.ReportedToday]);
        Assert.Equal(1, behind[Counter.ReportedToday]);
    }

    private static IndicatorValues Values(Counter n, long nv, Counter d, long dv)
    {
        var v = IndicatorMath.Empty(new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 10));
        v.Counters[(int)n] = nv;
        v.Counters[(int)d] = dv;
        return v;
    }
}
