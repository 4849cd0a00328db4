namespace CityScreen.Domain.Index;

/// <summary>Ranks areas of one parent by their index.</summary>
public static class SiblingRank
{
    /// <summary>
    /// 1 = best, by value descending then id; equal values share a rank and the next rank skips
    /// (1, 2, 2, 4). Values are compared at 9 decimals, because two parents pooled from the same
    /// counts in a different order can differ in the last bits and must still tie.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Of(IEnumerable<(string AreaId, double Value)> siblings)
    {
        var ordered = siblings
            .Select(s => (s.AreaId, Key: Math.Round(s.Value, 9)))
            .OrderByDescending(s => s.Key)
            .ThenBy(s => s.AreaId, StringComparer.Ordinal)
            .ToList();
        var ranks = new Dictionary<string, int>(ordered.Count, StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Key == ordered[i - 1].Key ? ranks[ordered[i - 1].AreaId] : i + 1;
            if (!ranks.TryAdd(ordered[i].AreaId, rank))
                throw new ArgumentException($"area '{ordered[i].AreaId}' appears twice among the siblings", nameof(siblings));
        }
        return ranks;
    }
}
