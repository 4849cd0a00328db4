namespace CityScreen.Domain.Index;

/// <summary>How the nightly job pools one input over the days of its window (every kind is summed over grids).</summary>
public enum InputKind
{
    /// <summary>Counted per grid per day and summed over the days of the window.</summary>
    Flow,
    /// <summary>Counted once per grid over the whole window (distinct members): days cannot be summed.</summary>
    Distinct,
    /// <summary>A level at the end of the window (grids, households, cases overdue now).</summary>
    Stock,
}
