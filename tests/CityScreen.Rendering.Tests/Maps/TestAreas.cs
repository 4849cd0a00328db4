using CityScreen.Rendering.Maps;
using NetTopologySuite.Geometries;

namespace CityScreen.Rendering.Tests.Maps;

/// <summary>Small lon/lat shapes around Shanghai for map tests.</summary>
internal static class TestAreas
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static Polygon Square(double lon, double lat, double size) =>
        Factory.CreatePolygon(
        [
            new(lon, lat), new(lon + size, lat), new(lon + size, lat + size), new(lon, lat + size), new(lon, lat),
        ]);

    public static Polygon SquareWithHole(double lon, double lat, double size)
    {
        var shell = Square(lon, lat, size).Shell;
        var hole = Square(lon + size / 3, lat + size / 3, size / 3).Shell;
        return Factory.CreatePolygon(shell, [hole]);
    }

    public static MultiPolygon TwoIslands(double lon, double lat, double size) =>
        Factory.CreateMultiPolygon([Square(lon, lat, size), Square(lon + 2 * size, lat + 2 * size, size / 2)]);

    /// <summary>A circle with <paramref name="vertices"/> points: far more detail than a small map can show.</summary>
    public static Polygon DenseCircle(double lon, double lat, double radius, int vertices)
    {
        var ring = Enumerable.Range(0, vertices)
            .Select(i => 2 * Math.PI * i / vertices)
            .Select(a => new Coordinate(lon + radius * Math.Cos(a), lat + radius * Math.Sin(a)))
            .ToList();
        ring.Add(ring[0].Copy());
        return Factory.CreatePolygon(ring.ToArray());
    }

    /// <summary>A 3×3 block of 9 streets with values 10, 20 … 90 (the centre one has no data).</summary>
    public static List<MapFeature> Grid()
    {
        var features = new List<MapFeature>();
        for (var row = 0; row < 3; row++)
        {
            for (var col = 0; col < 3; col++)
            {
                var index = row * 3 + col;
                double? value = index == 4 ? null : (index + 1) * 10;
                features.Add(new MapFeature($"street-{index}", $"街道{index}", Square(121.40 + col * 0.02, 31.20 + row * 0.02, 0.02), value));
            }
        }
        return features;
    }

    public static MapRequest Request(IReadOnlyList<MapFeature> features, IReadOnlyList<MapMarker>? markers = null, bool lowerIsBetter = false) =>
        new(features, markers ?? [], 800, 600, ColorScale.Cividis, "按期结案率", lowerIsBetter);
}
