using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace CityScreen.Areas;

/// <summary>The geometry factory and the GeoJSON geometry converters every area shares.</summary>
internal static class GeoJson
{
    /// <summary>WGS84 lon/lat, floating precision.</summary>
    public static GeometryFactory Factory { get; } = NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    /// <summary>Reads rings as the file has them: orientation says nothing about holes once the structure is known.</summary>
    public static JsonSerializerOptions Reading { get; } = new()
    {
        Converters = { new GeoJsonConverterFactory(Factory, false, "id", RingOrientationOption.DoNotModify) },
    };

    /// <summary>Writes RFC 7946 ring orientation and Chinese names unescaped, so files stay readable and diffable.</summary>
    public static JsonSerializerOptions Writing { get; } = new()
    {
        Converters = { new GeoJsonConverterFactory(Factory, false, "id", RingOrientationOption.EnforceRfc9746) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
