using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace CityScreen.Areas.Import;

/// <summary>Reads the features of one GeoJSON file into area records, naming the feature and property of anything wrong.</summary>
internal static class AreaFeatureReader
{
    private const string KnownLevels = "city, district, street, community or grid";

    /// <summary>More areas than any city has: a file beyond it is a mistake or an attack, refused before it fills memory.</summary>
    public const int MaxFeatures = 200_000;

    /// <summary>Far above a surveyed district boundary (thousands of vertices), far below what would stall the map's rendering.</summary>
    public const int MaxVerticesPerArea = 250_000;

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    public static List<AreaRecord> Read(string fileName, Stream content, AreaFileOptions options)
    {
        AreaLevel? fixedLevel = null;
        if (options.Level is not null)
        {
            if (!AreaLevels.TryParse(options.Level, out var level))
                throw new AreaImportException(fileName, null, null, $"option 'Level' has unknown value '{options.Level}' (expected {KnownLevels})");
            fixedLevel = level;
        }

        using var document = Parse(fileName, content);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("features", out var features)
            || features.ValueKind != JsonValueKind.Array)
        {
            throw new AreaImportException(fileName, null, "features", "is missing: expected a GeoJSON FeatureCollection");
        }

        if (features.GetArrayLength() > MaxFeatures)
            throw new AreaImportException(fileName, null, "features", $"has {features.GetArrayLength()} features; at most {MaxFeatures} are read");
        var records = new List<AreaRecord>(features.GetArrayLength());
        var index = 0;
        foreach (var feature in features.EnumerateArray())
            records.Add(ReadFeature(new FeatureOrigin(fileName, index++, options), feature, fixedLevel));
        return records;
    }

    private static JsonDocument Parse(string fileName, Stream content)
    {
        try
        {
            return JsonDocument.Parse(content, DocumentOptions);
        }
        catch (JsonException e)
        {
            // The parser's own message ends with 0-based positions; say them once, 1-based, as editors do.
            var reason = e.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
                reason = reason[..cut];
            throw new AreaImportException(fileName, null, null,
                $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {reason}", e);
        }
    }

    private static AreaRecord ReadFeature(FeatureOrigin origin, JsonElement feature, AreaLevel? fixedLevel)
    {
        var options = origin.Options;
        var properties = feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var p)
            ? p
            : default;

        return new AreaRecord
        {
            Id = ReadId(origin, properties, options.IdProperty) ?? throw origin.Error(options.IdProperty, "is missing"),
            Name = ReadName(origin, properties),
            Level = fixedLevel ?? ReadLevel(origin, properties),
            ParentId = ReadId(origin, properties, options.ParentProperty),
            Boundary = ReadBoundary(origin, feature),
            Profile = ReadProfile(origin, properties),
            Origin = origin,
        };
    }

    private static string ReadName(FeatureOrigin origin, JsonElement properties)
    {
        var property = origin.Options.NameProperty;
        var value = Find(origin, properties, property) ?? throw origin.Error(property, "is missing");
        return value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } name
            ? name
            : throw origin.Error(property, $"must be a non-empty string, not {value.GetRawText()}");
    }

    private static AreaLevel ReadLevel(FeatureOrigin origin, JsonElement properties)
    {
        var property = origin.Options.LevelProperty;
        var value = Find(origin, properties, property) ?? throw origin.Error(property, "is missing");
        return value.ValueKind == JsonValueKind.String && AreaLevels.TryParse(value.GetString(), out var level)
            ? level
            : throw origin.Error(property, $"has unknown value {value.GetRawText()} (expected {KnownLevels})");
    }

    /// <summary>Ids are strings; DataV writes adcodes as numbers, so a whole number is taken as its digits.</summary>
    private static string? ReadId(FeatureOrigin origin, JsonElement properties, string property)
    {
        if (Find(origin, properties, property) is not { } value)
            return null;
        var id = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Trim(),
            JsonValueKind.Number when value.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        return string.IsNullOrEmpty(id)
            ? throw origin.Error(property, $"must be a non-empty string or a whole number, not {value.GetRawText()}")
            : id;
    }

    /// <summary>
    /// Follows a dotted path into nested objects. A property literally named with the dots wins, so a flat
    /// file with a "parent.adcode" key reads the same. Null counts as missing.
    /// </summary>
    private static JsonElement? Find(FeatureOrigin origin, JsonElement properties, string path)
    {
        if (properties.ValueKind != JsonValueKind.Object)
            return null;
        if (properties.TryGetProperty(path, out var literal))
            return literal.ValueKind == JsonValueKind.Null ? null : literal;

        var current = properties;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            if (current.ValueKind != JsonValueKind.Object)
            {
                var parent = string.Join('.', segments[..i]);
                throw origin.Error(path, $"cannot be read: '{parent}' is {current.ValueKind.ToString().ToLowerInvariant()} {current.GetRawText()}, not an object");
            }
            if (!current.TryGetProperty(segments[i], out current) || current.ValueKind == JsonValueKind.Null)
                return null;
        }
        return current;
    }

    /// <summary>Positions in nested coordinate arrays, counted only up to just past <paramref name="limit"/>.</summary>
    private static int CountPositions(JsonElement coordinates, int limit)
    {
        if (coordinates.ValueKind != JsonValueKind.Array) return 0;
        if (coordinates.GetArrayLength() > 0 && coordinates[0].ValueKind == JsonValueKind.Number) return 1;
        var count = 0;
        foreach (var item in coordinates.EnumerateArray())
        {
            count += CountPositions(item, limit - count);
            if (count > limit) break;
        }
        return count;
    }

    private static Geometry ReadBoundary(FeatureOrigin origin, JsonElement feature)
    {
        const string property = "geometry";
        if (feature.ValueKind != JsonValueKind.Object
            || !feature.TryGetProperty(property, out var element)
            || element.ValueKind == JsonValueKind.Null)
        {
            throw origin.Error(property, "is missing");
        }
        var type = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var t) ? t.GetRawText() : "no type";
        if (type is not ("\"Polygon\"" or "\"MultiPolygon\""))
            throw origin.Error(property, $"has type {type}; an area must be a Polygon or a MultiPolygon");

        if (element.TryGetProperty("coordinates", out var coordinates) && CountPositions(coordinates, MaxVerticesPerArea) > MaxVerticesPerArea)
            throw origin.Error(property, $"has more than {MaxVerticesPerArea} vertices; simplify the boundary");

        Geometry? geometry;
        try
        {
            geometry = element.Deserialize<Geometry>(GeoJson.Reading);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new AreaImportException(origin.FileName, origin.FeatureIndex, property, $"cannot be read: {e.Message}", e);
        }
        if (geometry is null || geometry.IsEmpty)
            throw origin.Error(property, "is empty");
        if (geometry.IsValid)
            return geometry;

        // Self-touching rings and bow-ties are common in hand-drawn boundaries; repair them rather than refuse
        // the file, but never accept a repair that is no longer a valid area.
        var reason = new IsValidOp(geometry).ValidationError;
        var repaired = GeometryFixer.Fix(geometry);
        return repaired is Polygon or MultiPolygon && !repaired.IsEmpty && repaired.IsValid
            ? repaired
            : throw origin.Error(property, $"is invalid ({reason}) and cannot be repaired");
    }

    private static AreaProfile ReadProfile(FeatureOrigin origin, JsonElement properties) => new(
        ReadCount(origin, properties, "population"),
        ReadCount(origin, properties, "households"),
        ReadCount(origin, properties, "partyOrganisations"),
        ReadCount(origin, properties, "membersExpected"),
        ReadCount(origin, properties, "residentUnits"),
        ReadFlag(origin, properties, "hasPartyBranch"));

    private static int ReadCount(FeatureOrigin origin, JsonElement properties, string property)
    {
        if (Find(origin, properties, property) is not { } value)
            return 0;
        var count = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            _ => -1,
        };
        return count >= 0 ? count : throw origin.Error(property, $"must be a whole number of at least 0, not {value.GetRawText()}");
    }

    private static bool ReadFlag(FeatureOrigin origin, JsonElement properties, string property) =>
        Find(origin, properties, property) switch
        {
            null => false,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) && i is 0 or 1 => i == 1,
            { } other => throw origin.Error(property, $"must be true or false, not {other.GetRawText()}"),
        };
}
