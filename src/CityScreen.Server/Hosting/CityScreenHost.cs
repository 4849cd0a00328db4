using CityScreen.Server.Apis;
using CityScreen.Server.Components;
using CityScreen.Server.Hubs;
using CityScreen.Server.Security;

namespace CityScreen.Server.Hosting;

/// <summary>Builds the one host process: Orleans silo, API, hub and Blazor wall (docs/architecture.md §1).</summary>
public static class CityScreenHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application is this assembly even when a test process hosts it: static web assets
        // and their manifests are named after it.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(CityScreenHost).Assembly.GetName().Name,
        });
        // `dotnet run` and tests run from the build output in any environment: serve Blazor's
        // framework files from the build's static web assets manifest (a no-op once published).
        builder.WebHost.UseStaticWebAssets();
        configure?.Invoke(builder);
        builder.AddCityScreen();

        var app = builder.Build();
        app.MapStaticAssets();
        app.UseCityScreenSecurity(JobsConfiguration.DashboardPath);
        app.UseAntiforgery();
        app.MapSignIn();
        app.MapAdminApi();
        app.MapHealthApi();
        app.MapAreasApi();
        app.MapEventsApi();
        app.MapCityScreenJobs();
        app.MapCasesApi();
        app.MapHub<ScreenHub>("/hubs/screen").RequireAuthorization(Policies.Read);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(Policies.Read);
        return app;
    }
}
