using System.Globalization;
using CityScreen.Domain.Indicators;

namespace CityScreen.Server.Wall;

/// <summary>
/// How a flip counter has moved since yesterday at this time: rates in percentage points, means in
/// their unit, counts as they are. <see cref="Tone"/> is "better" or "worse" by the indicator's direction
/// in the catalogue, or "neutral" for a volume such as today's reports (neither good nor bad by itself).
/// <see cref="Unit"/> is shown after the amount: 个百分点 for a rate (a reader would take a bare "▲1.2"
/// beside "85.0%" for percent), a mean's unit; a count's change is in the unit beside its value.
/// </summary>
public sealed record KpiChange(double Delta, string Arrow, string Amount, string Unit, string Tone, string Title)
{
    public static KpiChange? Between(IndicatorDefinition d, double? now, KpiBaseline? baseline)
    {
        if (now is not { } n || baseline is not { } b) return null;
        var delta = d.Kind == IndicatorKind.Rate ? (n - b.Value) * 100 : n - b.Value;
        var format = d.Kind == IndicatorKind.Count ? "#,0.##" : "0.0";
        var amount = Math.Abs(delta).ToString(format, CultureInfo.InvariantCulture);
        if (amount is "0" or "0.0") return new KpiChange(0, "＝", "", "", "neutral", $"与{b.Against}持平");
        var arrow = delta > 0 ? "▲" : "▼";
        var tone = d.IsVolume ? "neutral" : (delta > 0) != d.LowerIsBetter ? "better" : "worse";
        var unit = d.Kind == IndicatorKind.Rate ? "个百分点" : d.Unit;
        return new KpiChange(delta, arrow, amount, d.Kind == IndicatorKind.Count ? "" : unit, tone, $"较{b.Against}{(delta > 0 ? "增加" : "减少")} {amount}{unit}");
    }
}

/// <summary>
/// What a flip counter's change is measured against, and how the wall names it: yesterday at this
/// time when the host holds a sample of it, else (a host that has not run a day yet) the rate over
/// the 30 days that ended yesterday, from the daily rollups — not the same thing, so not the same words.
/// </summary>
public readonly record struct KpiBaseline(double Value, string Against)
{
    public static KpiBaseline SameTimeYesterday(double value) => new(value, "昨日同时");

    public static KpiBaseline ThirtyDaysToYesterday(double value) => new(value, "近30天（至昨日）");
}
