namespace CityScreen.Server.Hosting;

/// <summary>
/// Start-up: the store opened, the screen feed registered, every area woken and kept awake
/// (<see cref="StartupService"/>); <see cref="Readiness"/> says how far it got, to the health
/// check behind <c>/healthz</c> and to ingest.
/// </summary>
public static class ReadinessConfiguration
{
    public static WebApplicationBuilder AddCityScreenReadiness(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddHostedService<StartupService>();
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>(ReadinessCheck.Name);
        // A host still waking its areas is not failing: load balancers poll /healthz all through
        // start-up, and the health service would log each 503 as an error.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical);
        return builder;
    }
}
