namespace CityScreen.Jobs;

/// <summary>What one run of the development index job computed.</summary>
public sealed record IndexRunResult(DateOnly UpTo, IReadOnlyList<DateOnly> NewRollupDays, DateOnly? EarliestChangedRollup, IReadOnlyList<DateOnly> IndexDates)
{
    public override string ToString() =>
        IndexDates.Count == 0
            ? $"nothing to compute up to {UpTo:yyyy-MM-dd}"
            : $"{IndexDates.Count} night(s) {IndexDates[0]:yyyy-MM-dd}..{IndexDates[^1]:yyyy-MM-dd}";
}
