using CityScreen.Server.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CityScreen.Server.Apis;

/// <summary><c>GET /healthz</c>: 200 <c>{"status":"ready"}</c> once the host is ready, 503 <c>{"status":"what it is doing"}</c> before.</summary>
public static class HealthApi
{
    public sealed record HealthAnswer(string Status);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = check => check.Name == ReadinessCheck.Name,
            ResponseWriter = (http, report) => http.Response.WriteAsJsonAsync(new HealthAnswer(report.Entries[ReadinessCheck.Name].Description ?? report.Status.ToString())),
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        return app;
    }
}
