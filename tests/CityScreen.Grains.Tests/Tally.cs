using CityScreen.Contracts.Indicators;
using static CityScreen.Contracts.Indicators.Counter;

namespace CityScreen.Grains.Tests;

/// <summary>
/// The case and activity counters a grain test works out by hand for one area, summed by the test
/// itself for the areas above, so the grains' sums are checked against arithmetic of their own.
/// </summary>
public sealed record Tally(
    long Reported = 0, long Open = 0, long Red = 0, long DueClose = 0, long ClosedOnTime = 0, long Closed = 0, long Reopened = 0,
    long Whistles = 0, long WhistlesOnTime = 0, long Ratings = 0, long Satisfied = 0, long HotlineDue = 0, long HotlineOnTime = 0, long Meetings = 0)
{
    public static Tally Zero { get; } = new();

    public static Tally Of(IndicatorValues v) => new(
        v[Reported30], v[Counter.Open], v[Counter.Red], v[DueClose30], v[ClosedOnTime30], v[Closed30], v[Reopened30],
        v[Whistles30], v[WhistlesOnTime30], v[Ratings30], v[Satisfied30], v[HotlineDue30], v[HotlineOnTime30], v[Meetings30]);

    public static Tally operator +(Tally a, Tally b) => new(
        a.Reported + b.Reported, a.Open + b.Open, a.Red + b.Red, a.DueClose + b.DueClose, a.ClosedOnTime + b.ClosedOnTime, a.Closed + b.Closed,
        a.Reopened + b.Reopened, a.Whistles + b.Whistles, a.WhistlesOnTime + b.WhistlesOnTime, a.Ratings + b.Ratings, a.Satisfied + b.Satisfied,
        a.HotlineDue + b.HotlineDue, a.HotlineOnTime + b.HotlineOnTime, a.Meetings + b.Meetings);
}
