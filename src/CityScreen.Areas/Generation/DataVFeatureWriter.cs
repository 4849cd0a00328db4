using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CityScreen.Areas.Generation;

/// <summary>
/// Writes areas as a DataV-style FeatureCollection (<c>adcode</c>, <c>name</c>, <c>level</c>,
/// <c>parent: {adcode}</c>, plus the reference data), one feature per line so a regenerated file diffs by area.
/// </summary>
internal static class DataVFeatureWriter
{
    public static byte[] Write(string name, string generated, IEnumerable<GeneratedArea> areas)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var header = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = GeoJson.Writing.Encoder }))
        {
            header.WriteStartObject();
            header.WriteString("type", "FeatureCollection");
            header.WriteString("name", name);
            header.WriteString("generated", generated);
            header.WritePropertyName("features");
            header.Flush();
        }
        Append(output, "[");
        var first = true;
        foreach (var area in areas)
        {
            Append(output, first ? "\n" : ",\n");
            first = false;
            using var feature = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = GeoJson.Writing.Encoder });
            WriteFeature(feature, area);
        }
        Append(output, "\n]}\n");
        return output.WrittenSpan.ToArray();
    }

    private static void WriteFeature(Utf8JsonWriter writer, GeneratedArea area)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteStartObject("properties");
        writer.WriteString("adcode", area.Id);
        writer.WriteString("name", area.Name);
        writer.WriteString("level", area.Level.ToApiName());
        writer.WriteStartObject("parent");
        writer.WriteString("adcode", area.ParentId);
        writer.WriteEndObject();
        var profile = area.Profile;
        writer.WriteNumber("population", profile.Population);
        writer.WriteNumber("households", profile.Households);
        writer.WriteNumber("partyOrganisations", profile.PartyOrganisations);
        writer.WriteNumber("membersExpected", profile.MembersExpected);
        writer.WriteNumber("residentUnits", profile.ResidentUnits);
        writer.WriteBoolean("hasPartyBranch", profile.HasPartyBranch);
        writer.WriteEndObject();
        writer.WritePropertyName("geometry");
        JsonSerializer.Serialize(writer, area.Boundary, GeoJson.Writing);
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>The glue between features is written by hand: Utf8JsonWriter writes either one line or every coordinate on its own.</summary>
    private static void Append(ArrayBufferWriter<byte> output, string text) => output.Write(Encoding.UTF8.GetBytes(text));
}
