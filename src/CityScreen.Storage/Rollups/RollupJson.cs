using System.Text.Json;
using CityScreen.Domain.Rollups;

namespace CityScreen.Storage.Rollups;

/// <summary>
/// A rollup's counts and sets as JSON objects with keys and members in ordinal order, so the same
/// rollup always has the same text and "changed" is a text comparison.
/// </summary>
internal static class RollupJson
{
    public static string Counts(IReadOnlyDictionary<string, double> counts)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (key, value) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
                if (value != 0) w.WriteNumber(key, value);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Sets(IReadOnlyDictionary<string, IReadOnlyList<string>> sets)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (key, members) in sets.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                if (members.Count == 0) continue;
                w.WriteStartArray(key);
                foreach (var m in members.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) w.WriteStringValue(m);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static DailyRollup Read(string leafId, DateOnly date, string counts, string sets, bool simulated)
    {
        var c = new SortedDictionary<string, double>(StringComparer.Ordinal);
        using (var doc = JsonDocument.Parse(counts))
            foreach (var p in doc.RootElement.EnumerateObject()) c[p.Name] = p.Value.GetDouble();
        var s = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using (var doc = JsonDocument.Parse(sets))
            foreach (var p in doc.RootElement.EnumerateObject())
                s[p.Name] = p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray();
        return new DailyRollup(leafId, date, c, s, simulated);
    }
}
