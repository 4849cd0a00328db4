using CityScreen.Areas;
using CityScreen.Domain.CoBuilding;
using CityScreen.Domain.Departments;
using CityScreen.Domain.Ingest;
using CityScreen.Domain.Time;

namespace CityScreen.Server.Hosting;

/// <summary>
/// The departments (<c>CityScreen:Departments:File</c>, default <c>seed-data/departments.json</c>)
/// and the holiday calendar (<c>CityScreen:Departments:HolidaysFile</c>, default
/// <c>seed-data/holidays.json</c>), read and checked when the host starts: a bad file stops it with an
/// error naming the file and the field, and every street a department serves must be a street of the
/// area tree. The service sites (<c>CityScreen:Departments:SitesFile</c>, default
/// <c>seed-data/service-sites.json</c>) are read the same way, each in a community of the tree. The
/// ingest parser gets all three as one <see cref="EventReference"/>.
/// </summary>
public static class DepartmentsConfiguration
{
    public const string Section = "CityScreen:Departments";
    public const string DefaultFile = "seed-data/departments.json";
    public const string DefaultHolidaysFile = "seed-data/holidays.json";
    public const string DefaultSitesFile = "seed-data/service-sites.json";

    public static WebApplicationBuilder AddCityScreenDepartments(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton(sp =>
        {
            var tree = sp.GetRequiredService<AreaTree>();
            return DepartmentDirectory.Load(Find(config[$"{Section}:File"] ?? DefaultFile, contentRoot),
                id => tree.TryGet(id, out var area) && area.Level == AreaLevel.Street);
        });
        builder.Services.AddSingleton(sp => WorkingCalendar.Load(
            Find(config[$"{Section}:HolidaysFile"] ?? DefaultHolidaysFile, contentRoot), sp.GetRequiredService<CityClock>().Zone));
        builder.Services.AddSingleton(sp =>
        {
            var tree = sp.GetRequiredService<AreaTree>();
            return ServiceSiteDirectory.Load(Find(config[$"{Section}:SitesFile"] ?? DefaultSitesFile, contentRoot),
                id => tree.TryGet(id, out var area) && area.Level == AreaLevel.Community);
        });
        builder.Services.AddSingleton(sp =>
        {
            var tree = sp.GetRequiredService<AreaTree>();
            return new EventReference(sp.GetRequiredService<DepartmentDirectory>(), sp.GetRequiredService<WorkingCalendar>(),
                (by, leaf) => tree.TryGet(by, out var area) && area.Level is AreaLevel.Street or AreaLevel.Community && tree.IsInSubtree(leaf, by))
            {
                Sites = sp.GetRequiredService<ServiceSiteDirectory>(),
            };
        });
        // Read at start, before any request: a bad file stops the host instead of failing the first ingest.
        builder.Services.AddHostedService<ReferenceDataCheck>();
        return builder;
    }

    /// <summary>Relative paths are found under the content root, else next to the program (where seed-data is copied).</summary>
    private static string Find(string path, string contentRoot)
    {
        if (Path.IsPathRooted(path)) return path;
        var underRoot = Path.Combine(contentRoot, path);
        return File.Exists(underRoot) ? underRoot : Path.Combine(AppContext.BaseDirectory, path);
    }

    private sealed class ReferenceDataCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<EventReference>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
