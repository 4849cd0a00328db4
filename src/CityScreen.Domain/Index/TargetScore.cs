namespace CityScreen.Domain.Index;

/// <summary>
/// Scores a raw value against fixed anchors rather than against the other areas, so a score means
/// the same thing from one night to the next: the floor is worth 0, the target 100, linear between,
/// clipped outside.
/// </summary>
public static class TargetScore
{
    /// <summary>
    /// s = clip((x − floor) / (target − floor), 0, 1) × 100. Where lower is better the floor lies
    /// above the target, both differences turn negative for good values, and the same formula is
    /// the inverted one: clip((floor − x) / (floor − target), 0, 1) × 100.
    /// </summary>
    public static double Of(double value, double floor, double target)
    {
        if (double.IsNaN(value)) throw new ArgumentException("the value is not a number", nameof(value));
        if (target == floor) throw new ArgumentException("target and floor must differ", nameof(target));
        return Math.Clamp((value - floor) / (target - floor), 0, 1) * 100;
    }
}
