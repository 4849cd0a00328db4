using System.ComponentModel.DataAnnotations;
using CityScreen.Areas;
using CityScreen.Dashboards;
using CityScreen.Dashboards.Catalog;
using CityScreen.Domain.Indicators;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Hosting;

/// <summary>
/// The wall layouts of <c>CityScreen:Dashboards:Directory</c> (default <c>dashboards/</c>), checked
/// against the indicator catalogue and the area tree, and reloaded when a file changes. A layout
/// that turns invalid keeps its last good version, so a typo never blanks a wall.
/// </summary>
public static class DashboardConfiguration
{
    public const string Section = "CityScreen:Dashboards";

    public sealed class Options
    {
        [Required]
        public string Directory { get; set; } = "dashboards";
    }

    public static WebApplicationBuilder AddCityScreenDashboards(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<Options>().BindConfiguration(Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var tree = sp.GetRequiredService<AreaTree>();
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("CityScreen.Dashboards");
            var directory = Resolve(sp.GetRequiredService<IOptions<Options>>().Value.Directory, contentRoot);
            var catalog = new DashboardCatalog(directory, new DashboardOptions
            {
                IsKnownIndicator = id => IndicatorCatalog.TryGet(id, out _),
                IsKnownArea = id => tree.TryGet(id, out _),
            });
            Report(catalog.Current, logger);
            catalog.Changed += (_, set) => Report(set, logger);
            catalog.StartWatching();
            return catalog;
        });
        return builder;
    }

    private static void Report(DashboardSet set, ILogger logger)
    {
        logger.LogInformation("Dashboards: {Layouts} layouts, {Rotations} rotations", set.Layouts.Count, set.Rotations.Count);
        foreach (var error in set.Errors) logger.LogError("Dashboard error: {Error}", error.ToString());
    }

    /// <summary>Relative directories are found under the content root, else next to the program (where the build copies them).</summary>
    private static string Resolve(string directory, string contentRoot)
    {
        if (Path.IsPathRooted(directory)) return directory;
        var underRoot = Path.Combine(contentRoot, directory);
        return Directory.Exists(underRoot) ? underRoot : Path.Combine(AppContext.BaseDirectory, directory);
    }
}
