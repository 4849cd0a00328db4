using System.Globalization;
using System.Text;
using CityScreen.Areas;

namespace CityScreen.Testing;

/// <summary>
/// A small city: 1 district, 2 streets, 2 communities each, 3 grids each (12 grids), as
/// DataV-style GeoJSON of unit squares. Grids have 300 households and 20 members expected.
/// </summary>
public static class TestCity
{
    public const string City = "100";
    public const string District = "110";
    public const string Street = "111";
    public const string Community = "1111";
    public const string Grid = "11111";
    public const string OtherGrid = "11112";

    public static AreaTree Build()
    {
        var features = new List<string>();
        var x = 0;
        foreach (var s in new[] { "111", "112" })
        {
            features.Add(Feature(s, $"街道{s}", "street", District, x, 0, 6, 6));
            for (var c = 1; c <= 2; c++)
            {
                var community = $"{s}{c}";
                var cx = x + (c - 1) * 3;
                features.Add(Feature(community, $"社区{community}", "community", s, cx, 0, 3, 6));
                for (var g = 1; g <= 3; g++)
                    features.Add(Feature($"{community}{g}", $"网格{community}{g}", "grid", community, cx, (g - 1) * 2, 3, 2, households: 300, members: 20));
            }
            x += 6;
        }
        features.Add(Feature(District, "测试区", "district", City, 0, 0, 12, 6));
        var json = $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";
        return AreaTreeLoader.Load([("test-city.geojson", new MemoryStream(Encoding.UTF8.GetBytes(json)), new AreaFileOptions())]);
    }

    private static string Feature(string id, string name, string level, string parent, double x, double y, double w, double h, int households = 0, int members = 0)
    {
        string P(double lon, double lat) => string.Create(CultureInfo.InvariantCulture, $"[{100 + lon * 0.01},{30 + lat * 0.01}]");
        var ring = $"[{P(x, y)},{P(x + w, y)},{P(x + w, y + h)},{P(x, y + h)},{P(x, y)}]";
        var profile = households > 0 ? $",\"households\":{households},\"population\":{households * 3},\"membersExpected\":{members},\"hasPartyBranch\":true" : "";
        return "{\"type\":\"Feature\",\"properties\":{"
            + $"\"adcode\":\"{id}\",\"name\":\"{name}\",\"level\":\"{level}\",\"parent\":{{\"adcode\":\"{parent}\"}}{profile}"
            + $"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[{ring}]}}}}";
    }

    public static IReadOnlyList<string> Grids(AreaTree tree) => tree.AtLevel(AreaLevel.Grid).Select(a => a.Id).ToList();
}
