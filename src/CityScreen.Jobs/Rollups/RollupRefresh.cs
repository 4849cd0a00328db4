namespace CityScreen.Jobs.Rollups;

/// <summary>
/// What a refresh did: the days computed for the first time, the earliest day computed before
/// whose rollups changed (late events, a manual recompute), and how many leaves it read.
/// </summary>
public sealed record RollupRefresh(IReadOnlyList<DateOnly> NewDays, DateOnly? EarliestChanged, int Leaves)
{
    public static readonly RollupRefresh Nothing = new([], null, 0);
}
