using CityScreen.Server.Hosting;

namespace CityScreen.Server.Apis;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (Readiness readiness) => readiness.IsReady
            ? Results.Ok(new { status = "ready" })
            : Results.Json(new { status = readiness.State }, statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
