using CityScreen.Areas;
using CityScreen.Domain.Time;
using CityScreen.Grains;
using CityScreen.Grains.Ingest;
using CityScreen.Rendering;
using CityScreen.Simulator;
using CityScreen.Rendering.Charts;
using CityScreen.Rendering.Maps;
using CityScreen.Server.Feed;
using CityScreen.Server.Simulation;
using CityScreen.Server.Apis;
using CityScreen.Server.Hubs;
using CityScreen.Server.Security;
using CityScreen.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityScreen.Server.Hosting;

/// <summary>Everything the host registers, in the order it matters.</summary>
public static class CityScreenServices
{
    public static WebApplicationBuilder AddCityScreen(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;

        services.Configure<GrainOptions>(config.GetSection(GrainOptions.Section));
        services.Configure<IngestOptions>(config.GetSection(IngestOptions.Section));
        services.Configure<SimulatorOptions>(config.GetSection(SimulatorService.Section));

        var zone = config["CityScreen:TimeZone"] ?? CityClock.DefaultZone;
        services.TryAddSingleton(_ => new CityClock(TimeProvider.System, CityClock.FindZone(zone)));
        services.TryAddSingleton(TimeProvider.System);

        // The area tree is loaded before anything starts: a bad area file stops the host with
        // an error naming the file, the feature and the property.
        var tree = AreaConfiguration.Load(config, builder.Environment.ContentRootPath);
        services.AddSingleton(tree);

        services.AddCityScreenStorage(config, builder.Environment.ContentRootPath);
        services.AddSingleton<EventIngestor>();
        services.AddSingleton<Readiness>();
        builder.AddCityScreenJobs();
        builder.AddCityScreenSecurity();

        builder.UseOrleans(silo => ClusterConfiguration.Configure(silo, config));

        services.AddSingleton<ScreenFeed>();
        services.AddSingleton<ScreenFeedRegistration>();
        services.AddHostedService(sp => sp.GetRequiredService<ScreenFeedRegistration>());
        services.AddHostedService<StartupService>();
        services.AddHostedService<SimulatorService>();

        services.AddSingleton<IMapRenderer, SvgMapRenderer>();
        services.AddSingleton<IChartRenderer, ScottPlotChartRenderer>();
        services.AddSingleton<RenderCache>();
        services.AddSingleton<Wall.WallRenderer>();
        services.AddSingleton<Wall.SameTimeYesterday>();
        services.AddSingleton<Wall.NewCases>();
        services.AddHostedService(sp => sp.GetRequiredService<Wall.SameTimeYesterday>());
        services.AddSingleton<Cases.CaseListService>();
        services.AddDashboards(config, builder.Environment.ContentRootPath);

        // Chinese pages: emit the characters themselves, not one HTML entity per character.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddSignalR();
        services.AddSingleton<ScreenSubscriptions>();
        services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }
}
