namespace CityScreen.Domain.Index;

/// <summary>The grades of the model, highest first; the lowest band starts at 0 so every index has one.</summary>
public sealed class GradeScale(IReadOnlyList<GradeBand> bands)
{
    public IReadOnlyList<GradeBand> Bands { get; } = bands;

    /// <summary>
    /// The band of <paramref name="value"/>, compared exactly: 89.999 is a B even though it
    /// displays as 90.0 with one decimal — a grade must not depend on how a screen rounds.
    /// </summary>
    public GradeBand Of(double value)
    {
        foreach (var band in Bands)
            if (value >= band.Min) return band;
        return Bands[^1];
    }

    public string GradeOf(double value) => Of(value).Grade;

    public int StarsOf(double value) => Of(value).Stars;
}
