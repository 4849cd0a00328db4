using System.Text.Json;

namespace CityScreen.Server.Apis;

/// <summary>Reads a small JSON body with limits, answering bad input with problem details that say what is wrong.</summary>
public static class RequestJson
{
    private const int MaxBytes = 64 * 1024;
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { MaxDepth = 8 };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (request.ContentLength > MaxBytes)
            return (null, Results.Problem(statusCode: 413, title: "Request too large", detail: $"the body may be at most {MaxBytes} bytes"));
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            return (null, Results.Problem(statusCode: 415, title: "Unsupported media type", detail: "send the body as application/json"));
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return (null, Results.Problem(statusCode: 413, title: "Request too large", detail: $"the body may be at most {MaxBytes} bytes"));
            buffer.Write(chunk, 0, read);
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.ToArray(), Options);
            return value is null ? (null, Invalid("$", "the body must be a JSON object")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Invalid(ex.Path is { Length: > 0 } p ? p : "$", $"not valid JSON for this request: {ex.Message}"));
        }
    }

    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: $"Invalid field '{field}'", detail: $"{field}: {message}");
}
