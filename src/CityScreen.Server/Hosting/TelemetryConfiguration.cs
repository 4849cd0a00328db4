using System.Diagnostics.Metrics;
using CityScreen.Domain.Telemetry;
using CityScreen.Server.Hubs;
using CityScreen.Server.Security;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CityScreen.Server.Hosting;

/// <summary>
/// Metrics: ASP.NET Core's, the runtime's, Npgsql's, Orleans' and CityScreen's own
/// (<see cref="CityScreenMetrics"/>), scraped by Prometheus at <see cref="ScrapePath"/> (admins
/// only) and pushed over OTLP when a collector is configured (<see cref="TelemetryOptions"/>).
/// </summary>
public static class TelemetryConfiguration
{
    public const string ScrapePath = "/metrics";

    /// <summary>The meter Orleans records its own instruments on (grains, messaging, membership).</summary>
    private const string OrleansMeter = "Microsoft.Orleans";

    public static WebApplicationBuilder AddCityScreenTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = TelemetryOptions.OtlpTarget(builder.Configuration);   // a bad address stops the host here
        builder.Services.AddSingleton(sp =>
        {
            var metrics = new CityScreenMetrics(sp.GetRequiredService<IMeterFactory>());
            // Resolved at each collection, not now: the hub's registry needs the feed, which needs the silo.
            metrics.ObserveScreens(() =>
            {
                var screens = sp.GetRequiredService<OpenScreens>();
                return new CityScreenMetrics.ScreenCounts(
                    screens.Count(OpenScreens.Hub), sp.GetRequiredService<ScreenSubscriptions>().SubscriptionCount, screens.Count(OpenScreens.Circuit));
            });
            return metrics;
        });
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("cityscreen"))
            .WithMetrics(meters =>
            {
                meters.AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter(OrleansMeter, CityScreenMetrics.MeterName)
                    .AddPrometheusExporter();
                if (otlp is not null) meters.AddOtlpExporter(o => o.Endpoint = otlp);
            });
        return builder;
    }

    /// <summary>
    /// <c>GET /metrics</c> in Prometheus' text format, for admins only: the counts say how busy the
    /// city is and which ingest sources are refused. Prometheus signs in with HTTP Basic or a bearer token.
    /// </summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        // The instruments with callbacks only report once the metrics object exists.
        app.Services.GetRequiredService<CityScreenMetrics>();
        app.MapPrometheusScrapingEndpoint(ScrapePath).RequireAuthorization(Policies.Admin);
        return app;
    }
}
