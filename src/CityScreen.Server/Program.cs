using CityScreen.Server.Apis;
using CityScreen.Server.Hosting;
using CityScreen.Server.Security;

// `users …` manages local accounts in the store and exits, `backup FILE` copies the embedded
// store while a host runs; anything else runs the host.
if (args is ["users", ..]) return await UsersCommand.RunAsync(args[1..]);
if (args is ["backup", ..]) return await BackupCommand.RunAsync(args[1..]);

await CityScreenHost.Build(args).RunAsync();
return 0;

/// <summary>
/// The host's table of contents: every subsystem it starts and every endpoint it maps, one line
/// each. Tests build the same host through <see cref="CityScreenHost.Build"/>. The order of the list
/// carries no meaning: what needs the silo waits for the host to have started
/// (<see cref="SiloBackgroundService"/>), not for a registration above it.
/// </summary>
public partial class Program
{
    internal static void AddSubsystems(WebApplicationBuilder builder)
    {
        builder.AddCityScreenLogging();     // console logs as text, or JSON lines (CityScreen:Logging:Json)
        builder.AddCityScreenTime();        // the city's clock and zone (CityScreen:TimeZone)
        builder.AddCityScreenAreas();       // the area tree, loaded and checked before anything starts
        builder.AddCityScreenDepartments(); // the departments and the holiday calendar, checked at start
        builder.AddCityScreenStorage();     // every store (events, rollups, indices, security): SQLite or PostgreSQL
        builder.AddCityScreenIngest();      // validated, durable, idempotent events to the grids
        builder.AddCityScreenCoBuilding();  // 共驻共建: the communities' lists and units from the store
        builder.AddCityScreenReadiness();   // waking every area at start, and the health check saying so
        builder.AddCityScreenJobs();        // Hangfire: the nightly development index
        builder.AddCityScreenSecurity();    // identities, policies, rate limits, the admin account
        builder.AddCityScreenCluster();     // the Orleans silo: grids, communities, streets, districts, city
        builder.AddCityScreenFeed();        // this host's view of every area, pushed by the grains
        builder.AddCityScreenHub();         // SignalR subscriptions of any client
        builder.AddCityScreenSimulator();   // the demo's upstream systems
        builder.AddCityScreenWall();        // the Blazor wall and drill-down, charts and map
        builder.AddCityScreenDashboards();  // the wall layouts of dashboards/, reloaded on change
        builder.AddCityScreenApis();        // problem details for every API
        builder.AddCityScreenTelemetry();   // metrics: OpenTelemetry for Prometheus (/metrics) and OTLP
        builder.AddCityScreenInternals();   // the Orleans dashboard and the live/ready health checks
        builder.AddCityScreenOpenApi();     // the OpenAPI document of every public API
    }

    internal static void MapEndpoints(WebApplication app)
    {
        app.MapStaticAssets();
        app.UseCityScreenSecurity(JobsConfiguration.DashboardPath);
        app.UseAntiforgery();
        app.MapSignIn();           // /login, /logout, /login/sso
        app.MapHealthApi();        // /healthz, /healthz/live, /healthz/ready
        app.MapAreasApi();         // /api/areas, /api/areas/{id}
        app.MapDepartmentsApi();   // /api/departments, /api/departments/{id}, /api/areas/{id}/departments
        app.MapCasesApi();         // /api/areas/{id}/cases, /api/areas/{id}/children.csv
        app.MapRegistriesApi();    // /api/areas/{id}/needs, /resources, /projects, /units
        app.MapEventsApi();        // POST /api/events
        app.MapIndicesApi();       // /api/indices, /api/areas/{id}/index/…, /api/admin/indices/recompute
        app.MapAdminApi();         // /api/admin: tokens, ingest keys, audit
        app.MapWallsApi();         // /api/admin/walls: the fleet of open walls (admins and operators)
        app.MapJobsDashboard();    // /hangfire
        app.MapMetrics();          // /metrics (admins; Prometheus text)
        app.MapOrleansDashboard(); // /orleans (admins)
        app.MapOpenApiReference(); // /openapi/v1.json, /api/reference (signed in)
        app.MapScreenHub();        // /hubs/screen
        app.MapWall();             // /screen, /screen/{areaId}, /explore/{areaId}
    }
}
