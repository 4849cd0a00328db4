using System.Text.Json;
using CityScreen.Domain.Departments;

namespace CityScreen.Domain.CoBuilding;

/// <summary>
/// The service sites of <c>seed-data/service-sites.json</c>, checked when read like the departments:
/// every field present and of its type, ids unique, kinds known, the location in degrees and the
/// community one of the area tree. A <c>site.served</c> must name one of them.
/// </summary>
public sealed class ServiceSiteDirectory
{
    public static readonly ServiceSiteDirectory Empty = new([]);

    private readonly Dictionary<string, ServiceSite> _byId;

    public ServiceSiteDirectory(IEnumerable<ServiceSite> sites)
    {
        All = [.. sites];
        _byId = All.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<ServiceSite> All { get; }

    public bool TryGet(string id, out ServiceSite site) => _byId.TryGetValue(id, out site!);

    /// <summary>Reads and checks the file; <paramref name="isCommunity"/> tells a community id of the area tree.</summary>
    public static ServiceSiteDirectory Load(string path, Func<string, bool> isCommunity)
    {
        using var document = ReferenceDataFile.Read(path);
        return Parse(document, Path.GetFileName(path), isCommunity);
    }

    /// <summary>The same for a file already open (one built into a program), <paramref name="name"/> naming it.</summary>
    public static ServiceSiteDirectory Read(Stream json, string name, Func<string, bool> isCommunity)
    {
        using var document = ReferenceDataFile.Read(json, name);
        return Parse(document, name, isCommunity);
    }

    private static ServiceSiteDirectory Parse(JsonDocument document, string name, Func<string, bool> isCommunity)
    {
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("sites", out var list) || list.ValueKind != JsonValueKind.Array)
            throw new ReferenceDataException(name, "sites", "must be an array of sites");
        var sites = new List<ServiceSite>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"sites[{i++}]";
            if (item.ValueKind != JsonValueKind.Object) throw new ReferenceDataException(name, at, "must be an object");
            var id = Text(item, name, at, "id");
            if (!ids.Add(id)) throw new ReferenceDataException(name, $"{at}.id", $"'{id}' is given twice");
            var kind = Text(item, name, at, "kind");
            if (!ServiceSite.Kinds.Contains(kind))
                throw new ReferenceDataException(name, $"{at}.kind", $"'{kind}' is not one of {string.Join(", ", ServiceSite.Kinds)}");
            var community = Text(item, name, at, "communityId");
            if (!isCommunity(community)) throw new ReferenceDataException(name, $"{at}.communityId", $"'{community}' is not a community of the area tree");
            if (!item.TryGetProperty("location", out var loc) || loc.ValueKind != JsonValueKind.Array || loc.GetArrayLength() != 2
                || loc[0].ValueKind != JsonValueKind.Number || loc[1].ValueKind != JsonValueKind.Number
                || loc[0].GetDouble() is < -180 or > 180 || loc[1].GetDouble() is < -90 or > 90)
                throw new ReferenceDataException(name, $"{at}.location", "must be [lon, lat] in degrees");
            sites.Add(new ServiceSite(id, Text(item, name, at, "name"), kind, community, loc[0].GetDouble(), loc[1].GetDouble()));
        }
        return new ServiceSiteDirectory(sites);
    }

    private static string Text(JsonElement item, string file, string at, string field) =>
        item.TryGetProperty(field, out var p) && p.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(p.GetString())
            ? p.GetString()!
            : throw new ReferenceDataException(file, $"{at}.{field}", "is required (a non-empty string)");
}
