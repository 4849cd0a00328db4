using CityScreen.Server.Apis.OpenApi;
using CityScreen.Server.Security;
using Scalar.AspNetCore;

namespace CityScreen.Server.Hosting;

/// <summary>
/// The machine-readable contract of the public APIs at <see cref="DocumentPath"/> (anyone may read
/// it: it holds no data), committed as docs/openapi.json, and a browsable reference at
/// <see cref="ReferencePath"/> for signed-in users.
/// </summary>
public static class OpenApiConfiguration
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api/reference";

    public static WebApplicationBuilder AddCityScreenOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            // The APIs only: not the dashboards' own endpoints (/orleans, /hangfire) nor the pages.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<IngestContract>();
        });
        return builder;
    }

    public static WebApplication MapOpenApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("CityScreen API")
                .WithOpenApiRoutePattern(DocumentPath)
                // Its fonts come from a CDN, which the CSP (and a city's closed network) refuses; the system's do.
                .DisableDefaultFonts())
            .RequireAuthorization(Policies.Read);
        return app;
    }
}
