using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CityScreen.Domain.Index;

/// <summary>Walks one model document, collecting errors by JSON path instead of stopping at the first.</summary>
internal sealed partial class IndexModelReader(string source)
{
    /// <summary>Allowed on every object, so the file can carry its own notes.</summary>
    private const string Description = "description";

    private readonly List<string> _errors = [];

    public IndexModel Read(JsonElement root)
    {
        if (!Object(root, "$", "version", "windowDays", "inputs", "dimensions", "ahp", "grades")) throw Failed();

        var version = Text(root, "$", "version");
        var windowDays = Integer(root, "$", "windowDays", 1, null);
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        var inputs = Inputs(root, windowDays, declared);
        // Indicators are checked against every declared id, even of an input with other errors,
        // so one mistake is reported once rather than again at each indicator that uses it.
        var dimensions = Dimensions(root, declared.Keys.ToHashSet(StringComparer.Ordinal));
        // Sized by the file's dimensions, not the valid ones, for the same reason.
        var ahp = Ahp(root, root.TryGetProperty("dimensions", out var d) && d.ValueKind == JsonValueKind.Array ? d.GetArrayLength() : dimensions.Count);
        var grades = Grades(root);

        if (_errors.Count > 0 || version is null || ahp is null) throw Failed();
        return new IndexModel(version, inputs, dimensions, ahp, new GradeScale(grades));
    }

    private List<IndexInput> Inputs(JsonElement root, int? defaultWindow, Dictionary<string, string> seen)
    {
        var inputs = new List<IndexInput>();
        foreach (var (item, path) in Items(root, "$", "inputs"))
        {
            if (!Object(item, path, "id", "name", "kind", "windowDays")) continue;
            var id = Identifier(item, path, seen);
            var name = Text(item, path, "name");
            var kind = Text(item, path, "kind") switch
            {
                "flow" => InputKind.Flow,
                "distinct" => InputKind.Distinct,
                "stock" => InputKind.Stock,
                null => (InputKind?)null,
                _ => Error<InputKind?>($"{path}.kind", "must be \"flow\", \"distinct\" or \"stock\""),
            };
            int? window = null;
            if (item.TryGetProperty("windowDays", out _))
            {
                window = Integer(item, path, "windowDays", 1, null);
                if (kind == InputKind.Stock) Error<int?>($"{path}.windowDays", "a stock is read at the end of the window and has no window of its own");
            }
            if (id is null || name is null || kind is not { } k) continue;
            inputs.Add(new IndexInput(id, name, k, k == InputKind.Stock ? null : window ?? defaultWindow));
        }
        return inputs;
    }

    private List<IndexDimension> Dimensions(JsonElement root, IReadOnlySet<string> inputs)
    {
        var dimensions = new List<IndexDimension>();
        var dimensionIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var indicatorIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (item, path) in Items(root, "$", "dimensions"))
        {
            if (!Object(item, path, "id", "name", "indicators")) continue;
            var id = Identifier(item, path, dimensionIds);
            var name = Text(item, path, "name");
            var indicators = new List<SubIndicator>();
            foreach (var (indicator, indicatorPath) in Items(item, path, "indicators"))
                if (SubIndicator(indicator, indicatorPath, inputs, indicatorIds) is { } s) indicators.Add(s);
            if (id is not null && name is not null) dimensions.Add(new IndexDimension(id, name, indicators));
        }
        return dimensions;
    }

    private SubIndicator? SubIndicator(JsonElement item, string path, IReadOnlySet<string> inputs, Dictionary<string, string> seen)
    {
        if (!Object(item, path, "id", "name", "numerator", "denominator", "per", "unit", "target", "floor", "lowerIsBetter", "credibility")) return null;
        var id = Identifier(item, path, seen);
        var name = Text(item, path, "name");
        var numerator = InputName(item, path, "numerator", inputs);
        var denominator = InputName(item, path, "denominator", inputs);
        var per = item.TryGetProperty("per", out _) ? Number(item, path, "per") : 1;
        if (per <= 0) Error<double?>($"{path}.per", "must be greater than 0");
        var unit = item.TryGetProperty("unit", out _) ? Text(item, path, "unit") : "";
        var target = Number(item, path, "target");
        var floor = Number(item, path, "floor");
        var lowerIsBetter = Boolean(item, path, "lowerIsBetter");
        var credibility = item.TryGetProperty("credibility", out _) ? Number(item, path, "credibility") : 0;
        if (credibility < 0) Error<double?>($"{path}.credibility", "must be 0 or more");

        if (target is { } t && floor is { } f && lowerIsBetter is { } lower)
        {
            // The target is always the value worth 100 and the floor the value worth 0, so where
            // lower is better the floor lies above the target.
            if (!lower && t <= f) Error<double?>($"{path}.target", "must be greater than floor");
            if (lower && t >= f) Error<double?>($"{path}.target", "must be less than floor where lower is better");
        }

        if (id is null || name is null || numerator is null || denominator is null || per is not > 0 || unit is null
            || target is null || floor is null || lowerIsBetter is null || credibility is not >= 0) return null;
        return new SubIndicator(id, name, numerator, denominator, per.Value, unit, target.Value, floor.Value, lowerIsBetter.Value, credibility.Value);
    }

    private AhpResult? Ahp(JsonElement root, int dimensions)
    {
        if (!Property(root, "$", "ahp", out var ahp) || !Object(ahp, "$.ahp", "matrix")) return null;
        const string path = "$.ahp.matrix";
        var rows = new List<IReadOnlyList<double>>();
        var readable = true;
        foreach (var (row, rowPath) in Items(ahp, "$.ahp", "matrix"))
        {
            if (row.ValueKind != JsonValueKind.Array)
            {
                readable = Error<bool>(rowPath, "must be an array of numbers");
                continue;
            }
            var entries = new List<double>();
            var j = 0;
            foreach (var entry in row.EnumerateArray())
            {
                if (Judgment(entry) is { } a) entries.Add(a);
                else readable = Error<bool>($"{rowPath}[{j}]", "must be a number or a fraction such as \"1/3\"");
                j++;
            }
            rows.Add(entries);
        }
        // A missing, empty or unreadable matrix has been reported already.
        if (!readable || rows.Count == 0) return null;
        if (rows.Count != dimensions)
            return Error<AhpResult?>(path, $"has {rows.Count} rows but the model has {dimensions} dimensions; row k compares dimension k with each");

        var problems = AhpMatrix.Problems(rows);
        foreach (var (i, j, message) in problems)
            Error<bool>(i < 0 ? path : j < 0 ? $"{path}[{i}]" : $"{path}[{i}][{j}]", message);
        if (problems.Count > 0) return null;

        var result = AhpMatrix.Analyse(rows);
        if (!result.IsConsistent)
            return Error<AhpResult?>(path, FormattableString.Invariant(
                $"the AHP matrix is inconsistent: CR = {result.ConsistencyRatio:0.000} ≥ {AhpResult.MaxConsistencyRatio}; revise the judgments"));
        return result;
    }

    private List<GradeBand> Grades(JsonElement root)
    {
        var bands = new List<GradeBand>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        string? lastPath = null;
        foreach (var (item, path) in Items(root, "$", "grades"))
        {
            lastPath = path;
            if (!Object(item, path, "grade", "min", "stars")) continue;
            var grade = Unique(item, path, "grade", seen);
            var min = Number(item, path, "min");
            var stars = Integer(item, path, "stars", 1, 5);
            if (min is < 0 or > 100) min = Error<double?>($"{path}.min", "must lie between 0 and 100");
            if (grade is null || min is null || stars is null) continue;
            if (bands.Count > 0 && min >= bands[^1].Min)
                Error<bool>($"{path}.min", FormattableString.Invariant($"must be below the min of the grade above ({bands[^1].Min}); list grades from highest to lowest"));
            if (bands.Count > 0 && stars > bands[^1].Stars)
                Error<bool>($"{path}.stars", $"must not exceed the stars of the grade above ({bands[^1].Stars})");
            bands.Add(new GradeBand(grade, min.Value, stars.Value));
        }
        if (lastPath is not null && bands.Count > 0 && bands[^1].Min != 0)
            Error<bool>($"{lastPath}.min", "the lowest grade must start at 0 so every index has a grade");
        return bands;
    }

    private static double? Judgment(JsonElement entry)
    {
        if (entry.ValueKind == JsonValueKind.Number) return entry.GetDouble();
        if (entry.ValueKind != JsonValueKind.String) return null;
        var parts = entry.GetString()!.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length is 0 or > 2 || parts.Any(p => !double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _))) return null;
        var value = double.Parse(parts[0], CultureInfo.InvariantCulture);
        return parts.Length == 1 ? value : value / double.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    /// <summary>The array at <c>path.name</c>, required and not empty, with each item's path.</summary>
    private IEnumerable<(JsonElement Item, string Path)> Items(JsonElement parent, string path, string name)
    {
        if (!Property(parent, path, name, out var array)) yield break;
        if (array.ValueKind != JsonValueKind.Array)
        {
            Error<bool>($"{path}.{name}", "must be an array");
            yield break;
        }
        if (array.GetArrayLength() == 0) Error<bool>($"{path}.{name}", "must not be empty");
        var i = 0;
        foreach (var item in array.EnumerateArray()) yield return (item, $"{path}.{name}[{i++}]");
    }

    private bool Object(JsonElement element, string path, params string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object) return Error<bool>(path, "must be an object");
        foreach (var property in element.EnumerateObject())
            if (property.Name != Description && !known.Contains(property.Name, StringComparer.Ordinal))
                Error<bool>($"{path}.{property.Name}", $"is not a known property (expected {string.Join(", ", known)})");
        return true;
    }

    private bool Property(JsonElement parent, string path, string name, out JsonElement value)
    {
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out value)) return true;
        value = default;
        return Error<bool>($"{path}.{name}", "is required");
    }

    private string? Text(JsonElement parent, string path, string name)
    {
        if (!Property(parent, path, name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            return Error<string?>($"{path}.{name}", "must be a non-empty string");
        return value.GetString();
    }

    private double? Number(JsonElement parent, string path, string name)
    {
        if (!Property(parent, path, name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Number || !double.IsFinite(value.GetDouble()))
            return Error<double?>($"{path}.{name}", "must be a number");
        return value.GetDouble();
    }

    private int? Integer(JsonElement parent, string path, string name, int min, int? max)
    {
        if (!Property(parent, path, name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n) || n < min || n > max)
            return Error<int?>($"{path}.{name}", max is { } m ? $"must be a whole number from {min} to {m}" : $"must be a whole number ≥ {min}");
        return n;
    }

    private bool? Boolean(JsonElement parent, string path, string name)
    {
        if (!Property(parent, path, name, out var value)) return null;
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return Error<bool?>($"{path}.{name}", "must be true or false");
        return value.GetBoolean();
    }

    private string? Identifier(JsonElement item, string path, Dictionary<string, string> seen)
    {
        var id = Unique(item, path, "id", seen);
        if (id is not null && !IdentifierPattern().IsMatch(id))
            return Error<string?>($"{path}.id", "must be letters and digits, starting with a letter");
        return id;
    }

    private string? Unique(JsonElement item, string path, string name, Dictionary<string, string> seen)
    {
        var value = Text(item, path, name);
        if (value is null) return null;
        if (seen.TryGetValue(value, out var first)) return Error<string?>($"{path}.{name}", $"'{value}' is already used at {first}");
        seen[value] = $"{path}.{name}";
        return value;
    }

    private string? InputName(JsonElement item, string path, string name, IReadOnlySet<string> inputs)
    {
        var input = Text(item, path, name);
        if (input is not null && !inputs.Contains(input))
            return Error<string?>($"{path}.{name}", $"'{input}' is not declared in $.inputs");
        return input;
    }

    private T Error<T>(string path, string message)
    {
        _errors.Add($"{source}: {path}: {message}");
        return default!;
    }

    private IndexModelException Failed() => new(_errors);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex IdentifierPattern();
}
