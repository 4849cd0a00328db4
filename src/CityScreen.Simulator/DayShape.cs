using CityScreen.Simulator.Cases;

namespace CityScreen.Simulator;

/// <summary>The diurnal curves a simulator follows: the real ones, or flat ones when the time of day should not matter.</summary>
internal sealed class DayShape
{
    private readonly DiurnalCurve _street;
    private readonly DiurnalCurve _hotline;

    public DayShape(bool followTimeOfDay)
    {
        _street = followTimeOfDay ? DiurnalCurve.Street : DiurnalCurve.Flat;
        _hotline = followTimeOfDay ? DiurnalCurve.Hotline : DiurnalCurve.Flat;
        Community = followTimeOfDay ? DiurnalCurve.Community : DiurnalCurve.Flat;
    }

    public DiurnalCurve Community { get; }

    /// <summary>How likely a report in this hour is of <paramref name="kind"/>: 12345 calls keep their evening shape.</summary>
    public double KindWeight(int kind, int localHour) =>
        CaseRules.KindShares[kind] * (kind == CaseRules.Hotline ? _hotline : _street).At(localHour);

    /// <summary>How busy reporting is in this hour, relative to the day's average, all kinds together.</summary>
    public double Reports(int localHour)
    {
        var f = 0.0;
        for (var k = 0; k < CaseRules.KindShares.Length; k++) f += KindWeight(k, localHour);
        return f;
    }
}
