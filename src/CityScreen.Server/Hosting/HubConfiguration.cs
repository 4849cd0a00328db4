using CityScreen.Server.Hubs;
using CityScreen.Server.Security;

namespace CityScreen.Server.Hosting;

/// <summary>The SignalR hub any client subscribes to (<c>/hubs/screen</c>).</summary>
public static class HubConfiguration
{
    public const string Path = "/hubs/screen";

    public static WebApplicationBuilder AddCityScreenHub(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<ScreenSubscriptions>();
        return builder;
    }

    public static IEndpointRouteBuilder MapScreenHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<ScreenHub>(Path).RequireAuthorization(Policies.Read);
        return app;
    }
}
