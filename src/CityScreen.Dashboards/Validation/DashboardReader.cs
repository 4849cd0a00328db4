using System.Text.Json;
using CityScreen.Dashboards.Layouts;

namespace CityScreen.Dashboards.Validation;

/// <summary>
/// Reads one dashboard file: a layout (it has <c>panels</c>) or a rotation (it has <c>pages</c>).
/// Usable without a catalogue, e.g. to check an uploaded file before it is saved.
/// </summary>
public static class DashboardReader
{
    /// <summary>Comments and trailing commas are accepted: people edit these files by hand.</summary>
    public static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    /// <param name="file">How errors name the file, e.g. <c>dashboards/street.json</c>; its file name must be the id plus <c>.json</c>.</param>
    /// <param name="layouts">The valid layouts beside it; when given, the layouts a rotation names are checked too.</param>
    public static DashboardDocument Read(string file, string json, DashboardOptions? options = null,
        IReadOnlyDictionary<string, DashboardLayout>? layouts = null)
    {
        options ??= new DashboardOptions();
        var errors = new ErrorSink(file);
        var id = FileIdentity.ExpectedId(file);
        if (id is null)
        {
            errors.Add("$", $"the file name must be {DashboardId.Rule}, followed by .json");
            return new DashboardDocument(file, null, null, errors.Errors);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException e)
        {
            errors.Add("$", Syntax(e));
            return new DashboardDocument(file, null, null, errors.Errors);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add("$", "must be a JSON object: a layout (with \"panels\") or a rotation (with \"pages\")");
                return new DashboardDocument(file, null, null, errors.Errors);
            }
            var reader = new JsonObjectReader(root, "$", errors);
            if (reader.Has("pages") && reader.Has("panels"))
            {
                errors.Add("$", "has both \"panels\" and \"pages\": a file is either a layout or a rotation");
                return new DashboardDocument(file, null, null, errors.Errors);
            }
            if (!reader.Has("pages"))
                return new DashboardDocument(file, LayoutReader.Read(reader, id, options), null, errors.Errors);

            var rotation = RotationReader.Read(reader, id, options);
            if (rotation is not null && layouts is not null)
            {
                RotationReferences.Check(rotation, layouts, errors);
                if (errors.Count > 0) rotation = null;
            }
            return new DashboardDocument(file, null, rotation, errors.Errors);
        }
    }

    private static string Syntax(JsonException e)
    {
        // The parser's message ends with its own position ("LineNumber: 2 | BytePositionInLine: 7."); say it once, 1-based.
        var reason = e.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) reason = reason[..cut];
        cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) reason = reason[..cut];
        var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
        return $"is not valid JSON{where}: {reason.TrimEnd()}";
    }
}
