using System.Text.Json;

namespace CityScreen.Domain.Index;

/// <summary>
/// Reads the development index model from JSON (seed-data/index-model.json) and validates it
/// completely before anything is computed with it: every error is reported with the source name
/// and the JSON path, all at once.
/// </summary>
public static class IndexModelLoader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <exception cref="IndexModelException">The JSON is malformed or the model is not valid.</exception>
    public static IndexModel Parse(string json, string sourceName)
    {
        using var document = Open(() => JsonDocument.Parse(json, Options), sourceName);
        return new IndexModelReader(sourceName).Read(document.RootElement);
    }

    /// <exception cref="IndexModelException">The JSON is malformed or the model is not valid.</exception>
    public static IndexModel Parse(Stream json, string sourceName)
    {
        using var document = Open(() => JsonDocument.Parse(json, Options), sourceName);
        return new IndexModelReader(sourceName).Read(document.RootElement);
    }

    private static JsonDocument Open(Func<JsonDocument> parse, string sourceName)
    {
        try
        {
            return parse();
        }
        catch (JsonException e)
        {
            throw new IndexModelException([$"{sourceName}: {e.Path ?? "$"}: not valid JSON (line {e.LineNumber + 1}): {e.Message}"]);
        }
    }
}
