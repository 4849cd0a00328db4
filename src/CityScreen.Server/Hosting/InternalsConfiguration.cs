using CityScreen.Server.Apis;
using CityScreen.Server.Hosting.Health;
using CityScreen.Server.Security;
using CityScreen.Storage;
using Orleans.Dashboard;

namespace CityScreen.Server.Hosting;

/// <summary>
/// What admins and the machines around the host look at: the Orleans dashboard at
/// <see cref="OrleansDashboardPath"/> (admins only, like <c>/hangfire</c>) and the health checks
/// behind <c>/healthz/live</c> and <c>/healthz/ready</c> (<see cref="HealthApi"/>).
/// </summary>
public static class InternalsConfiguration
{
    public const string OrleansDashboardPath = "/orleans";

    /// <summary>The tag of the checks <c>/healthz/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>On by default; off, the silo does not profile grain calls for it (a benchmark's baseline, a host no admin opens).</summary>
    public const string OrleansDashboardKey = "CityScreen:OrleansDashboard:Enabled";

    public static WebApplicationBuilder AddCityScreenInternals(this WebApplicationBuilder builder)
    {
        // The dashboard's grains and its call profiling join the silo built by AddCityScreenCluster.
        if (DashboardEnabled(builder.Configuration)) builder.UseOrleans(silo => silo.AddDashboard());

        var checks = builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>(StoreHealthCheck.Name, tags: [ReadyTag])
            .AddCheck<SiloHealthCheck>(SiloHealthCheck.Name, tags: [ReadyTag])
            .AddCheck<AreaTreeHealthCheck>(AreaTreeHealthCheck.Name, tags: [ReadyTag]);
        if (PostgresConnection(builder.Configuration) is { } connectionString)
            checks.Add(new(PostgresHealthCheck.Name, _ => new PostgresHealthCheck(connectionString), null, [ReadyTag]));
        return builder;
    }

    public static WebApplication MapOrleansDashboard(this WebApplication app)
    {
        if (DashboardEnabled(app.Configuration)) app.MapOrleansDashboard(OrleansDashboardPath).RequireAuthorization(Policies.Admin);
        return app;
    }

    private static bool DashboardEnabled(IConfiguration config) => config.GetValue(OrleansDashboardKey, defaultValue: true);

    /// <summary>The PostgreSQL the store or the cluster uses; null in the embedded default.</summary>
    private static string? PostgresConnection(IConfiguration config)
    {
        var storage = config.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var usesPostgres = string.Equals(storage.Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
            || string.Equals(config["CityScreen:Cluster:Provider"], "Postgres", StringComparison.Ordinal);
        return usesPostgres ? config.GetConnectionString("CityScreen") : null;
    }
}
