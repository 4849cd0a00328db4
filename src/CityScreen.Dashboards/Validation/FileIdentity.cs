namespace CityScreen.Dashboards.Validation;

/// <summary>
/// A dashboard's id is its file name: <c>street.json</c> holds <c>"id": "street"</c>. Looking a
/// layout up by id can then never reach another file, and a copied file with a stale id is caught.
/// </summary>
internal static class FileIdentity
{
    public const int SchemaVersion = 1;

    /// <summary>The id a file must declare, or null when its name is not an id followed by <c>.json</c>.</summary>
    public static string? ExpectedId(string file)
    {
        var name = Path.GetFileName(file);
        if (!name.EndsWith(".json", StringComparison.Ordinal)) return null;
        var id = name[..^".json".Length];
        return DashboardId.IsValid(id) ? id : null;
    }

    public static string? ReadId(JsonObjectReader r, string expectedId)
    {
        var id = r.Id("id");
        if (id is not null && id != expectedId)
            r.Fail("id", $"\"{id}\" does not match the file name {expectedId}.json; a dashboard's id is its file name");
        return id;
    }

    /// <summary>Optional today; there so a later format can tell old files apart.</summary>
    public static void ReadSchemaVersion(JsonObjectReader r)
    {
        var version = r.Integer("schemaVersion", false, int.MinValue, int.MaxValue);
        if (version is not null && version != SchemaVersion)
            r.Fail("schemaVersion", $"this CityScreen reads schemaVersion {SchemaVersion}, not {version}");
    }
}
