namespace CityScreen.Server.Hosting;

/// <summary>Builds the one host process: Orleans silo, API, hub and Blazor wall (see <see cref="Program"/> for what it holds).</summary>
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
        Program.AddSubsystems(builder);

        var app = builder.Build();
        Program.MapEndpoints(app);
        return app;
    }
}
