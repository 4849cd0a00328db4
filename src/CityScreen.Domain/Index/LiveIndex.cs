using CityScreen.Contracts.Indicators;

namespace CityScreen.Domain.Index;

/// <summary>
/// One area's 实时发展指数: provisional, from today's live figures and the month's frozen weights,
/// scored by the very <see cref="IndexCalculator"/> the nightly job uses. <see cref="At"/> is the
/// time of the live figures it was computed from.
/// </summary>
public sealed record LiveIndex(double? Value, string? Grade, DateTimeOffset At)
{
    /// <summary>
    /// Scores <paramref name="live"/> (the area's live counters) over the newest night's inputs,
    /// each rate shrunk toward the parent's live-overlaid rate exactly as the nightly job shrinks.
    /// </summary>
    public static LiveIndex Compute(
        IndexCalculator calculator, string areaId, DateOnly today, DateTimeOffset at,
        IReadOnlyDictionary<string, double> nightly, IndicatorValues live,
        IReadOnlyDictionary<string, double>? parentNightly = null, IndicatorValues? parentLive = null)
    {
        var model = calculator.Model;
        var inputs = LiveIndexInputs.Of(model, nightly, live);
        var parent = parentNightly is null ? null : parentLive is null ? parentNightly : LiveIndexInputs.Of(model, parentNightly, parentLive);
        var value = calculator.Compute(areaId, today, inputs, parent).Value;
        return new LiveIndex(value, value is { } v ? model.Grades.GradeOf(v) : null, at);
    }
}
