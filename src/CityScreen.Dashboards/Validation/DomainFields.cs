using System.Text.Json;

namespace CityScreen.Dashboards.Validation;

/// <summary>Fields whose values come from the rest of CityScreen: area references and indicator ids.</summary>
internal static class DomainFields
{
    public static string? Area(JsonObjectReader r, string name, DashboardOptions options)
    {
        var area = r.String(name, maxLength: 200);
        if (area is null) return null;
        if (area.StartsWith('$') && area != AreaReference.Current)
        {
            r.Fail(name, $"unknown area token '{area}'; use an area id or \"{AreaReference.Current}\"");
            return null;
        }
        if (!AreaReference.IsValid(area))
        {
            r.Fail(name, $"'{area}' is not an area id (letters, digits, '_' and '-', at most {AreaReference.MaxLength}) or \"{AreaReference.Current}\"");
            return null;
        }
        if (area != AreaReference.Current && options.IsKnownArea is { } isKnown && !isKnown(area))
        {
            r.Fail(name, $"there is no area '{area}' in the area tree");
            return null;
        }
        return area;
    }

    public static string? Indicator(JsonObjectReader r, string name, bool required, DashboardOptions options)
    {
        var id = r.String(name, required, maxLength: 32);
        return id is null ? null : CheckIndicator(id, r.PathOf(name), r.Errors, options);
    }

    /// <summary>A list of distinct indicator ids, or null when the list or any item is wrong.</summary>
    public static IReadOnlyList<string>? Indicators(JsonObjectReader r, string name, bool required, int max, DashboardOptions options)
    {
        var items = r.Array(name, required, 1, max);
        if (items is null) return null;
        var ids = new List<string>();
        var ok = true;
        foreach (var (item, path) in items)
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                r.Errors.Add(path, "must be an indicator id (a string)");
                ok = false;
                continue;
            }
            var id = CheckIndicator(item.GetString()!, path, r.Errors, options);
            if (id is null) ok = false;
            else if (ids.Contains(id))
            {
                r.Errors.Add(path, $"'{id}' is listed twice");
                ok = false;
            }
            else ids.Add(id);
        }
        return ok ? ids : null;
    }

    private static string? CheckIndicator(string id, string path, ErrorSink errors, DashboardOptions options)
    {
        if (options.IsKnownIndicator(id)) return id;
        var known = IndicatorIds.Catalogue.Where(options.IsKnownIndicator).ToList();
        var list = known.Count > 0 ? $"; the catalogue has {string.Join(", ", known)}" : "";
        errors.Add(path, $"unknown indicator '{id}'{Spelling.Hint(id, known)}{list}");
        return null;
    }
}
