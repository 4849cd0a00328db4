using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityScreen.Contracts.Events;

/// <summary>
/// Writes and reads a vocabulary enum as its JSON spelling from <see cref="CaseVocabulary"/>, so the
/// API and the hub keep the lower-case names they always had (<c>"hotline"</c>, <c>"critical"</c>).
/// </summary>
public sealed class VocabularyJsonConverter<T> : JsonConverter<T> where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        CaseVocabulary.TryParse<T>(reader.GetString(), out var value)
            ? value
            : throw new JsonException($"'{reader.GetString()}' is not one of {string.Join(", ", CaseVocabulary.NamesOf<T>())}");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(CaseVocabulary.NameOf(value));
}
