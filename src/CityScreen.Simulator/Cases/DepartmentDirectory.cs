using System.Text.Json;

namespace CityScreen.Simulator.Cases;

/// <summary>
/// The departments file (seed-data/departments.json): which departments serve which street, looked up by
/// kind (城管执法, 公安 …) and level, with each department's character for the run.
/// </summary>
internal sealed class DepartmentDirectory
{
    private readonly Dictionary<string, SimulatedDepartment[]> _byStreet;
    private readonly Dictionary<string, DepartmentCharacter> _characters;

    public DepartmentDirectory(IReadOnlyList<SimulatedDepartment> departments, int seed)
    {
        All = departments;
        _byStreet = departments
            .SelectMany(d => d.Streets.Select(s => (Street: s, Department: d)))
            .GroupBy(x => x.Street, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Department).ToArray(), StringComparer.Ordinal);
        _characters = departments.ToDictionary(d => d.Id, d => DepartmentCharacter.Draw(seed, d.Id), StringComparer.Ordinal);
    }

    public IReadOnlyList<SimulatedDepartment> All { get; }

    public IReadOnlyList<SimulatedDepartment> Serving(string streetId) =>
        _byStreet.TryGetValue(streetId, out var list) ? list : [];

    public bool Contains(string departmentId) => _characters.ContainsKey(departmentId);

    public DepartmentCharacter CharacterOf(string departmentId) => _characters[departmentId];

    /// <summary>The department of <paramref name="kind"/> serving the street, of the level asked for if there is one, else of the other; null when none.</summary>
    public string? Find(string streetId, string kind, bool streetLevel)
    {
        string? other = null;
        foreach (var d in Serving(streetId))
        {
            if (d.Kind != kind) continue;
            if (d.StreetLevel == streetLevel) return d.Id;
            other ??= d.Id;
        }
        return other;
    }

    /// <summary>Reads the file's <c>departments</c> array; an error names the file and the entry.</summary>
    public static IReadOnlyList<SimulatedDepartment> Parse(Stream json, string name)
    {
        using var doc = JsonDocument.Parse(json);
        var list = new List<SimulatedDepartment>();
        var i = 0;
        foreach (var d in doc.RootElement.GetProperty("departments").EnumerateArray())
        {
            string Text(string field) =>
                d.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
                    ? v.GetString()!
                    : throw new InvalidDataException($"{name}: departments[{i}].{field} is missing");
            var streets = d.TryGetProperty("streets", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().Select(x => x.GetString() ?? "").Where(x => x.Length > 0).ToArray()
                : throw new InvalidDataException($"{name}: departments[{i}].streets is missing");
            list.Add(new SimulatedDepartment(Text("id"), Text("name"), Text("kind"), Text("level") == "street", streets));
            i++;
        }
        return list;
    }
}
