using System.Text.Json;

namespace CityScreen.Domain.Departments;

/// <summary>
/// The departments of <c>seed-data/departments.json</c>, checked when read: every field present and
/// of its type, ids unique, levels known, every served street a street of the area tree, and the
/// optional 简称 (<c>shortName</c>) short enough for the wall. The
/// parser asks it whether an id names a department; the APIs list it.
/// </summary>
public sealed class DepartmentDirectory
{
    public static readonly DepartmentDirectory Empty = new([]);

    private readonly Dictionary<string, Department> _byId;

    public DepartmentDirectory(IEnumerable<Department> departments)
    {
        All = [.. departments];
        _byId = All.ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Department> All { get; }

    public bool Contains(string id) => _byId.ContainsKey(id);

    public bool TryGet(string id, out Department department) => _byId.TryGetValue(id, out department!);

    /// <summary>The departments serving at least one of <paramref name="streetIds"/>.</summary>
    public IEnumerable<Department> Serving(IReadOnlySet<string> streetIds) => All.Where(d => d.Streets.Any(streetIds.Contains));

    /// <summary>Reads and checks the file; <paramref name="isStreet"/> tells a street id of the area tree.</summary>
    public static DepartmentDirectory Load(string path, Func<string, bool> isStreet)
    {
        var name = Path.GetFileName(path);
        using (var document = ReferenceDataFile.Read(path))
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("departments", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new ReferenceDataException(name, "departments", "must be an array of departments");
            var departments = new List<Department>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var at = $"departments[{i++}]";
                if (item.ValueKind != JsonValueKind.Object) throw new ReferenceDataException(name, at, "must be an object");
                var id = Text(item, name, at, "id");
                if (!ids.Add(id)) throw new ReferenceDataException(name, $"{at}.id", $"'{id}' is given twice");
                var level = Text(item, name, at, "level");
                if (level is not (Department.DistrictLevel or Department.StreetLevel))
                    throw new ReferenceDataException(name, $"{at}.level", $"'{level}' is not one of {Department.DistrictLevel}, {Department.StreetLevel}");
                if (!item.TryGetProperty("streets", out var streets) || streets.ValueKind != JsonValueKind.Array || streets.GetArrayLength() == 0)
                    throw new ReferenceDataException(name, $"{at}.streets", "must be a non-empty array of street ids");
                var served = new List<string>();
                var j = 0;
                foreach (var s in streets.EnumerateArray())
                {
                    var field = $"{at}.streets[{j++}]";
                    if (s.ValueKind != JsonValueKind.String || s.GetString() is not { Length: > 0 } street)
                        throw new ReferenceDataException(name, field, "must be a street id");
                    if (!isStreet(street)) throw new ReferenceDataException(name, field, $"'{street}' is not a street of the area tree");
                    served.Add(street);
                }
                departments.Add(new Department(id, Text(item, name, at, "name"), Text(item, name, at, "kind"), level, served, ShortName(item, name, at)));
            }
            return new DepartmentDirectory(departments);
        }
    }

    /// <summary>The optional 简称: when given, a non-empty string short enough for the wall's boards.</summary>
    private static string? ShortName(JsonElement item, string file, string at)
    {
        if (!item.TryGetProperty("shortName", out var p)) return null;
        if (p.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.GetString()))
            throw new ReferenceDataException(file, $"{at}.shortName", "must be a non-empty string when given");
        var text = p.GetString()!;
        return text.Length <= Department.ShortNameMaxLength
            ? text
            : throw new ReferenceDataException(file, $"{at}.shortName", $"'{text}' is longer than {Department.ShortNameMaxLength} characters, more than a board shows");
    }

    private static string Text(JsonElement item, string file, string at, string field) =>
        item.TryGetProperty(field, out var p) && p.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(p.GetString())
            ? p.GetString()!
            : throw new ReferenceDataException(file, $"{at}.{field}", "is required (a non-empty string)");
}
