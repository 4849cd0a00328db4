using System.Text.Json;

namespace CityScreen.Dashboards.Validation;

/// <summary>
/// Reads the members of one JSON object, reporting wrong types, missing fields and bad values under
/// their JSON path, and at <see cref="Finish"/> every member nobody asked for: unknown properties are
/// errors because a misspelt option would otherwise be silently ignored on the wall.
/// </summary>
internal sealed class JsonObjectReader(JsonElement element, string path, ErrorSink errors)
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
    private readonly List<string> _allowed = [];

    public string Path => path;
    public ErrorSink Errors => errors;

    /// <summary>A reader over <c>{}</c>, so a missing optional object still reports its required members under its own path.</summary>
    public static JsonObjectReader Empty(string path, ErrorSink errors) => new(EmptyObject, path, errors);

    public static string Member(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$') && !char.IsAsciiDigit(name[0])
            ? $"{path}.{name}"
            : $"{path}['{name.Replace("'", "\\'")}']";

    public string PathOf(string name) => Member(path, name);

    public bool Has(string name) => element.TryGetProperty(name, out _);

    public void Fail(string name, string message) => errors.Add(PathOf(name), message);

    public string? String(string name, bool required = false, int maxLength = 100)
    {
        if (!Find(name, required, JsonValueKind.String, out var value)) return null;
        var s = value.GetString()!;
        var problem = string.IsNullOrWhiteSpace(s) ? "must not be empty"
            : s.Length > maxLength ? $"is longer than {maxLength} characters"
            : null;
        if (problem is null) return s;
        Fail(name, problem);
        return null;
    }

    public string? Id(string name, bool required = true)
    {
        if (!Find(name, required, JsonValueKind.String, out var value)) return null;
        var s = value.GetString()!;
        if (DashboardId.IsValid(s)) return s;
        Fail(name, $"'{s}' is not {DashboardId.Rule}");
        return null;
    }

    public int? Integer(string name, bool required, int min, int max)
    {
        if (!Find(name, required, JsonValueKind.Number, out var value)) return null;
        if (!value.TryGetInt32(out var n) || n < min || n > max)
        {
            Fail(name, $"must be a whole number from {min} to {max}, not {value.GetRawText()}");
            return null;
        }
        return n;
    }

    public bool? Boolean(string name) =>
        Find(name, required: false, JsonValueKind.True, out var value) ? value.GetBoolean() : null;

    public T? Choice<T>(string name, bool required, IReadOnlyList<JsonChoice<T>> choices) where T : struct, Enum
    {
        if (!Find(name, required, JsonValueKind.String, out var value)) return null;
        var s = value.GetString()!;
        foreach (var c in choices)
            if (c.Json == s) return c.Value;
        var names = choices.Select(c => c.Json).ToList();
        Fail(name, $"unknown value '{s}'; expected one of {string.Join(", ", names)}{Spelling.Hint(s, names)}");
        return null;
    }

    public JsonObjectReader? Object(string name, bool required)
    {
        if (!Find(name, required, JsonValueKind.Object, out var value)) return null;
        return new JsonObjectReader(value, PathOf(name), errors);
    }

    /// <summary>The items of an array with their paths, or null when it is missing, not an array or of the wrong length.</summary>
    public IReadOnlyList<(JsonElement Item, string Path)>? Array(string name, bool required, int min, int max)
    {
        if (!Find(name, required, JsonValueKind.Array, out var value)) return null;
        var count = value.GetArrayLength();
        var problem = count < min ? (min == 1 ? "must not be empty" : $"must have at least {min} items, not {count}")
            : count > max ? $"must have at most {max} items, not {count}"
            : null;
        if (problem is not null)
        {
            Fail(name, problem);
            return null;
        }
        var arrayPath = PathOf(name);
        return value.EnumerateArray().Select((item, i) => (item, $"{arrayPath}[{i}]")).ToList();
    }

    /// <summary>Reports members that appear twice and members that are not part of the schema.</summary>
    public void Finish()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
                Fail(property.Name, "appears more than once");
            else if (!_allowed.Contains(property.Name))
                Fail(property.Name, $"unknown property{Spelling.Hint(property.Name, _allowed)}; expected {string.Join(", ", _allowed)}");
        }
    }

    private bool Find(string name, bool required, JsonValueKind expected, out JsonElement value)
    {
        if (!_allowed.Contains(name)) _allowed.Add(name);
        if (!element.TryGetProperty(name, out value))
        {
            if (required) Fail(name, "is required");
            return false;
        }
        var kind = value.ValueKind == JsonValueKind.False ? JsonValueKind.True : value.ValueKind;
        if (kind == expected) return true;
        Fail(name, $"must be {Describe(expected)}, not {Describe(value.ValueKind)}");
        return false;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
