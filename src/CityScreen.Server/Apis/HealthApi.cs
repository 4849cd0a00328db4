using CityScreen.Server.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CityScreen.Server.Apis;

/// <summary>
/// <c>GET /healthz</c>: 200 <c>{"status":"ready"}</c> once the host is ready, 503 <c>{"status":"what it is doing"}</c> before.
/// <c>GET /healthz/live</c>: 200 while the process answers at all (restart it when this fails).
/// <c>GET /healthz/ready</c>: 200 when start-up is over and the store, the silo, the area tree and
/// (when used) PostgreSQL answer, 503 otherwise; the body lists each check (send traffic only when this is 200).
/// </summary>
public static class HealthApi
{
    public sealed record HealthAnswer(string Status);

    public sealed record CheckAnswer(string Status, string? Description);

    public sealed record ReadyAnswer(string Status, IReadOnlyDictionary<string, CheckAnswer> Checks);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = check => check.Name == ReadinessCheck.Name,
            ResponseWriter = (http, report) => http.Response.WriteAsJsonAsync(new HealthAnswer(report.Entries[ReadinessCheck.Name].Description ?? report.Status.ToString())),
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (http, report) => http.Response.WriteAsJsonAsync(new HealthAnswer("live")),
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Name == ReadinessCheck.Name || check.Tags.Contains(InternalsConfiguration.ReadyTag),
            ResponseWriter = (http, report) => http.Response.WriteAsJsonAsync(new ReadyAnswer(
                report.Status == HealthStatus.Healthy ? "ready" : "not ready",
                report.Entries.ToDictionary(e => e.Key, e => new CheckAnswer(e.Value.Status.ToString(), e.Value.Description)))),
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        return app;
    }
}
