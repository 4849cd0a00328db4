using System.Globalization;
using System.Text;
using System.Text.Json;
using CityScreen.Areas;

namespace CityScreen.Areas.Tests;

/// <summary>Small GeoJSON documents written in the test, so each fact shows the input it is about.</summary>
internal static class GeoJsonText
{
    public static string Collection(params string[] features) =>
        $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";

    public static string Feature(object properties, string geometry) =>
        $$"""{"type":"Feature","properties":{{JsonSerializer.Serialize(properties)}},"geometry":{{geometry}}}""";

    /// <summary>A DataV-style feature: adcode, name, level, parent: {adcode}.</summary>
    public static string Area(string id, string name, string level, string? parentId, string geometry) =>
        Feature(parentId is null
            ? new Dictionary<string, object> { ["adcode"] = id, ["name"] = name, ["level"] = level }
            : new Dictionary<string, object> { ["adcode"] = id, ["name"] = name, ["level"] = level, ["parent"] = new { adcode = parentId } },
            geometry);

    /// <summary>An axis-aligned square polygon with its south-west corner at (x, y).</summary>
    public static string Square(double x, double y, double size = 1) =>
        $$"""{"type":"Polygon","coordinates":[{{Ring(x, y, size)}}]}""";

    public static string Ring(double x, double y, double size) =>
        string.Create(CultureInfo.InvariantCulture,
            $"[[{x},{y}],[{x + size},{y}],[{x + size},{y + size}],[{x},{y + size}],[{x},{y}]]");

    public static AreaTree Load(string json, AreaFileOptions? options = null, string fileName = "test.geojson") =>
        AreaTreeLoader.Load([(fileName, Stream(json), options ?? new AreaFileOptions())]);

    public static Stream Stream(string json) => new MemoryStream(Encoding.UTF8.GetBytes(json));
}
