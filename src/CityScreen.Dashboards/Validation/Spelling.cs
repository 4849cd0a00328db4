namespace CityScreen.Dashboards.Validation;

/// <summary>"Did you mean …?" for property names and values: most layout errors are typos.</summary>
internal static class Spelling
{
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Distinct())
        {
            if (string.Equals(candidate, input, StringComparison.OrdinalIgnoreCase)) return candidate;
            var d = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (candidate, d);
        }
        // Two edits at most, and fewer than half the word: "widht" → "width", not "x" → "y".
        return best is not null && bestDistance <= 2 && bestDistance * 2 < Math.Max(input.Length, best.Length) ? best : null;
    }

    public static string Hint(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } c ? $" (did you mean '{c}'?)" : "";

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
