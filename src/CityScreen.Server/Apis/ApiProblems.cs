using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityScreen.Server.Apis;

/// <summary>
/// Every problem-details answer (RFC 7807) of the APIs, in one place so that each status has one
/// shape: a 400 names each bad field or parameter in <c>errors</c>, the others say what and why in
/// <c>title</c> and <c>detail</c>; a 429 or 503 also says when to retry.
/// </summary>
public static class ApiProblems
{
    /// <summary>400 (or <paramref name="status"/>, e.g. 403) naming each bad item: <c>errors</c> maps a field or JSON path to what is wrong with it.</summary>
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors, string title, string? detail = null, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = status, Title = title, Detail = detail });

    /// <summary>400 for one field of a request body.</summary>
    public static ProblemHttpResult InvalidField(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, $"Invalid field '{field}'", $"{field}: {message}");

    /// <summary>400 for one parameter of the query or the route.</summary>
    public static ProblemHttpResult InvalidParameter(string parameter, string message) =>
        Invalid(new Dictionary<string, string[]> { [parameter] = [message] }, $"Invalid parameter '{parameter}'", $"{parameter}: {message}");

    public static ProblemHttpResult Unauthorized(string title, string detail) => Problem(StatusCodes.Status401Unauthorized, title, detail);

    public static ProblemHttpResult NotFound(string title, string detail) => Problem(StatusCodes.Status404NotFound, title, detail);

    /// <summary>404 for an area that does not exist or lies outside the caller's scope: both answer alike, so a scope reveals nothing.</summary>
    public static ProblemHttpResult UnknownArea(string id) => NotFound("Unknown area", $"There is no area with id '{id}'.");

    public static ProblemHttpResult Conflict(string title, string detail) => Problem(StatusCodes.Status409Conflict, title, detail);

    public static ProblemHttpResult TooLarge(string detail) => Problem(StatusCodes.Status413PayloadTooLarge, "Request too large", detail);

    public static ProblemHttpResult UnsupportedMediaType(string detail) => Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", detail);

    /// <summary>429, with <c>Retry-After</c>.</summary>
    public static ProblemHttpResult TooManyRequests(HttpResponse response, int retryAfterSeconds, string detail) =>
        RetryAfter(response, retryAfterSeconds, StatusCodes.Status429TooManyRequests, "Too many requests", detail);

    /// <summary>503, with <c>Retry-After</c>: nothing of the request was kept, the same request later is welcome.</summary>
    public static ProblemHttpResult Unavailable(HttpResponse response, int retryAfterSeconds, string title, string detail) =>
        RetryAfter(response, retryAfterSeconds, StatusCodes.Status503ServiceUnavailable, title, detail);

    private static ProblemHttpResult RetryAfter(HttpResponse response, int seconds, int status, string title, string detail)
    {
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problem(status, title, detail);
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
