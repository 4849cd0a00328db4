using CityScreen.Rendering;
using CityScreen.Rendering.Charts;
using CityScreen.Rendering.Maps;
using CityScreen.Server.Cases;
using CityScreen.Server.Components;
using CityScreen.Server.Security;
using CityScreen.Server.Wall;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CityScreen.Server.Hosting;

/// <summary>
/// The Blazor wall (<c>/screen</c>) and drill-down (<c>/explore</c>): their options, the
/// charts and the map rendered once per change and shared by every screen, the case lists, and
/// the fleet view of every open wall (<c>/admin/walls</c>).
/// </summary>
public static class WallConfiguration
{
    public static WebApplicationBuilder AddCityScreenWall(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WallOptions>().BindConfiguration(WallOptions.Section).ValidateOnStart();
        services.AddSingleton<IMapRenderer, SvgMapRenderer>();
        services.AddSingleton<IChartRenderer, ScottPlotChartRenderer>();
        services.AddSingleton<RenderCache>();
        services.AddSingleton<WallRenderer>();
        services.AddSingleton<DailyHistory>();
        services.AddSingleton<SameTimeYesterday>();
        services.AddHostedService(sp => sp.GetRequiredService<SameTimeYesterday>());
        services.AddSingleton<NewCases>();
        services.AddSingleton<OpenAlarms>();
        services.AddSingleton<SiteLayer>();
        services.AddSingleton<CaseListService>();
        services.AddSingleton<DepartmentWorkService>();
        // The fleet view: each wall's circuit connection for its heartbeat, and the commands sent to walls.
        services.AddScoped<WallCircuit>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<WallCircuit>());
        services.AddSingleton<FleetControl>();

        // Chinese pages: emit the characters themselves, not one HTML entity per character.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }

    public static WebApplication MapWall(this WebApplication app)
    {
        // Alarms are heard from the start, so a wall opened later still shows every case not handled yet.
        app.Services.GetRequiredService<OpenAlarms>();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(Policies.Read);
        return app;
    }
}
