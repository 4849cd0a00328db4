using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace CityScreen.Storage.Indices;

/// <summary>
/// The JSON of stored inputs, weights and explanations: camelCase, as the API shows them, with
/// Chinese names written as characters (half the size of \u escapes, and readable in the sqlite3 shell).
/// </summary>
internal static class IndexJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"stored JSON is null where a {typeof(T).Name} was expected");
}
