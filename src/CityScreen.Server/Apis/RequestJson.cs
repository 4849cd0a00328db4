using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityScreen.Server.Apis;

/// <summary>Reads a small JSON body with limits, answering bad input with problem details that say what is wrong.</summary>
public static class RequestJson
{
    private const int MaxBytes = 64 * 1024;
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { MaxDepth = 8 };

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (request.ContentLength > MaxBytes) return (null, ApiProblems.TooLarge($"the body may be at most {MaxBytes} bytes"));
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            return (null, ApiProblems.UnsupportedMediaType("send the body as application/json"));
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return (null, ApiProblems.TooLarge($"the body may be at most {MaxBytes} bytes"));
            buffer.Write(chunk, 0, read);
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.ToArray(), Options);
            return value is null ? (null, ApiProblems.InvalidField("$", "the body must be a JSON object")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.InvalidField(ex.Path is { Length: > 0 } p ? p : "$", $"not valid JSON for this request: {ex.Message}"));
        }
    }
}
