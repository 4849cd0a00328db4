namespace CityScreen.Domain.Rollups;

/// <summary>
/// What one leaf (a grid, or a community's own activities) did on one local day: counts by input
/// id (absent = 0) and, for distinct inputs, the members themselves, because distinct counts of
/// different days cannot be added. <see cref="Simulated"/> marks the demo's synthetic history.
/// </summary>
public sealed record DailyRollup(
    string LeafId,
    DateOnly Date,
    IReadOnlyDictionary<string, double> Counts,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Sets,
    bool Simulated = false)
{
    public double Count(string input) => Counts.GetValueOrDefault(input);

    public IReadOnlyList<string> Set(string name) => Sets.TryGetValue(name, out var s) ? s : [];
}
