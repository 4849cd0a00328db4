using System.Globalization;
using CityScreen.Domain.Index;

namespace CityScreen.Server.Wall;

/// <summary>
/// The few sub-indicators that moved an index most since the night before, in words a leader reads
/// at a glance: "D4 治理效能 −2.1：按期结案率 86% → 79%（未达标 +7 件）". The points are
/// <see cref="IndexComparison"/>'s contributions, so the lines add up to the change. A figure that did
/// not move is never given as the reason: such a line names the weight or score that moved instead.
/// </summary>
public static class IndexMovers
{
    /// <summary>One sub-indicator's part in the change.</summary>
    public sealed record Mover(string DimensionId, string DimensionName, double DimensionChange, string IndicatorId, string IndicatorName, double Change, string Text);

    /// <summary>
    /// The sub-indicators that moved the index most, largest first. With <paramref name="figuresFirst"/>
    /// those whose shown figure moved come before those that moved only by weight or shrinkage, so a
    /// single headline names a figure that changed whenever one did.
    /// </summary>
    public static IReadOnlyList<Mover> Top(IndexModel model, IndexExplanation current, IndexExplanation? previous, int count, bool figuresFirst = false)
    {
        if (previous is null) return [];
        var movement = IndexComparison.Of(current, previous);
        return movement.Dimensions
            .SelectMany(d => d.Indicators.Select(i => (Moved: d, Indicator: i)))
            .Where(x => Math.Abs(x.Indicator.Change) >= 0.05)
            .Select(x =>
            {
                var dimension = current.Dimensions.First(d => d.Id == x.Moved.Id);
                var now = dimension.Indicators.First(i => i.Id == x.Indicator.Id);
                var was = previous.Dimensions.FirstOrDefault(d => d.Id == dimension.Id)?.Indicators.FirstOrDefault(i => i.Id == now.Id);
                var definition = model.Indicators.FirstOrDefault(i => i.Id == now.Id);
                var figureMoved = Shown(x.Indicator.PreviousValue, definition) != Shown(now.Value, definition);
                return (x.Moved, x.Indicator, Dimension: dimension, Now: now, Was: was, Definition: definition, FigureMoved: figureMoved);
            })
            .OrderByDescending(x => figuresFirst && x.FigureMoved)
            .ThenByDescending(x => Math.Abs(x.Indicator.Change))
            .ThenBy(x => x.Indicator.Id, StringComparer.Ordinal)
            .Take(count)
            .Select(x =>
            {
                var reason = x.FigureMoved
                    ? $"{Shown(x.Indicator.PreviousValue, x.Definition)} → {Shown(x.Now.Value, x.Definition)}{Misses(x.Now, x.Indicator, x.Definition)}"
                    : Unmoved(x.Moved, x.Dimension, x.Now, x.Was, x.Definition);
                var text = $"{x.Dimension.Id} {x.Dimension.Name} {Signed(x.Moved.Change)}：{x.Now.Name} {reason}";
                return new Mover(x.Dimension.Id, x.Dimension.Name, x.Moved.Change, x.Now.Id, x.Now.Name, x.Indicator.Change, text);
            })
            .ToList();
    }

    /// <summary>
    /// Why a sub-indicator whose shown figure stayed put still moved the index: its share of the index
    /// (dimension weight × its weight) changed, or its score did — shrunk toward the parent when its
    /// counts are few. The figure itself is named as unchanged, never as the cause.
    /// </summary>
    private static string Unmoved(DimensionMovement dimensionBefore, DimensionExplanation dimension, IndicatorExplanation now, IndicatorExplanation? was, SubIndicator? definition)
    {
        var parts = new List<string>();
        var shareBefore = (dimensionBefore.PreviousWeight ?? 0) * (was?.Weight ?? 0);
        var shareNow = dimension.Weight * now.Weight;
        if (Percent(shareBefore) != Percent(shareNow)) parts.Add($"权重调整 {Percent(shareBefore)} → {Percent(shareNow)}");
        if (Score(was?.Score) != Score(now.Score))
            parts.Add($"得分 {Score(was?.Score)} → {Score(now.Score)}{(now.Credibility is < 1 || was?.Credibility is < 1 ? "（样本少，向上级收缩）" : "")}");
        if (parts.Count == 0) parts.Add("得分微调");
        return $"{string.Join("，", parts)}，{Shown(now.Value, definition)} 未变";
    }

    private static string Percent(double share) => (100 * share).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Score(double? score) => score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—";

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
