using System.Globalization;
using CityScreen.Domain.Index;

namespace CityScreen.Server.Wall;

/// <summary>
/// The few sub-indicators that moved an index most since the night before, in words a leader reads
/// at a glance: "D4 治理效能 −2.1：按期结案率 86% → 79%（未达标 +7 件）". The points are
/// <see cref="IndexComparison"/>'s contributions, so the lines add up to the change.
/// </summary>
public static class IndexMovers
{
    /// <summary>One sub-indicator's part in the change.</summary>
    public sealed record Mover(string DimensionId, string DimensionName, double DimensionChange, string IndicatorId, string IndicatorName, double Change, string Text);

    public static IReadOnlyList<Mover> Top(IndexModel model, IndexExplanation current, IndexExplanation? previous, int count)
    {
        if (previous is null) return [];
        var movement = IndexComparison.Of(current, previous);
        return movement.Dimensions
            .SelectMany(d => d.Indicators.Select(i => (Dimension: d, Indicator: i)))
            .Where(x => Math.Abs(x.Indicator.Change) >= 0.05)
            .OrderByDescending(x => Math.Abs(x.Indicator.Change))
            .ThenBy(x => x.Indicator.Id, StringComparer.Ordinal)
            .Take(count)
            .Select(x =>
            {
                var dimension = current.Dimensions.First(d => d.Id == x.Dimension.Id);
                var now = dimension.Indicators.First(i => i.Id == x.Indicator.Id);
                var definition = model.Indicators.FirstOrDefault(i => i.Id == now.Id);
                var text = $"{dimension.Id} {dimension.Name} {Signed(x.Dimension.Change)}：{now.Name} {Shown(x.Indicator.PreviousValue, definition)} → {Shown(now.Value, definition)}{Misses(now, x.Indicator, definition)}";
                return new Mover(dimension.Id, dimension.Name, x.Dimension.Change, now.Id, now.Name, x.Indicator.Change, text);
            })
            .ToList();
    }

    private static string Signed(double points) =>
        (points >= 0 ? "+" : "−") + Math.Abs(points).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Shown(double? value, SubIndicator? definition) => value switch
    {
        null => "—",
        { } v when definition?.Unit == "%" => (100 * v).ToString("0", CultureInfo.InvariantCulture) + "%",
        { } v => v.ToString("0.##", CultureInfo.InvariantCulture) + (definition?.Unit ?? ""),
    };

    /// <summary>The counts behind a rate's move: how many more (or fewer) cases fell short than the night before.</summary>
    private static string Misses(IndicatorExplanation now, IndicatorMovement before, SubIndicator? definition)
    {
        if (definition is not { Unit: "%" } || before.PreviousNumerator is not { } n0 || before.PreviousDenominator is not { } d0) return "";
        double Short(double numerator, double denominator) => definition.LowerIsBetter ? numerator : denominator - numerator;
        var more = Short(now.Numerator, now.Denominator) - Short(n0, d0);
        return more == 0 ? "" : $"（未达标 {(more > 0 ? "+" : "−")}{Math.Abs(more).ToString("0", CultureInfo.InvariantCulture)} 件）";
    }
}
