using CityScreen.Areas;

namespace CityScreen.Server.Hosting;

/// <summary>
/// Reads <c>CityScreen:Areas:Files</c>: an array whose items are a path (DataV GeoAtlas
/// properties) or an object naming the properties of another GeoJSON
/// (<c>{Path, IdProperty, NameProperty, LevelProperty, ParentProperty, Level}</c>).
/// </summary>
public static class AreaConfiguration
{
    public const string Section = "CityScreen:Areas:Files";

    /// <summary>
    /// The area tree, loaded here rather than at first use: a bad area file stops the host before
    /// anything starts, with an error naming the file, the feature and the property.
    /// </summary>
    public static WebApplicationBuilder AddCityScreenAreas(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(Load(builder.Configuration, builder.Environment.ContentRootPath));
        return builder;
    }

    public static AreaTree Load(IConfiguration config, string contentRoot)
    {
        var files = Files(config);
        if (files.Count == 0)
            throw new InvalidOperationException($"{Section} lists no area files; the host needs at least one GeoJSON file of areas");
        // Parents no file contains (the city above a DataV district file) are named here.
        var parentNames = config.GetSection("CityScreen:Areas:ParentNames").GetChildren()
            .Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal);
        return AreaTreeLoader.Load(files, BaseDirectory(files, contentRoot), parentNames);
    }

    public static IReadOnlyList<AreaFileOptions> Files(IConfiguration config)
    {
        var list = new List<AreaFileOptions>();
        foreach (var item in config.GetSection(Section).GetChildren().OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue))
        {
            // An empty item removes an inherited one: `--CityScreen:Areas:Files:1 ""` on the command
            // line drops the second file of appsettings.json.
            if (item.Value is "" && !item.GetChildren().Any()) continue;
            if (item.Value is { } path)
            {
                list.Add(new AreaFileOptions { Path = path });
                continue;
            }
            var options = new AreaFileOptions { Path = item["Path"] ?? throw new InvalidOperationException($"{Section}:{item.Key}:Path is required") };
            if (item["IdProperty"] is { } id) options.IdProperty = id;
            if (item["NameProperty"] is { } name) options.NameProperty = name;
            if (item["LevelProperty"] is { } level) options.LevelProperty = level;
            if (item["ParentProperty"] is { } parent) options.ParentProperty = parent;
            if (item["Level"] is { } fixedLevel) options.Level = fixedLevel;
            list.Add(options);
        }
        return list;
    }

    /// <summary>Relative paths are found under the content root, else next to the program (where seed-data is copied).</summary>
    private static string BaseDirectory(IReadOnlyList<AreaFileOptions> files, string contentRoot)
    {
        var relative = files.FirstOrDefault(f => !Path.IsPathRooted(f.Path));
        if (relative is null || File.Exists(Path.Combine(contentRoot, relative.Path))) return contentRoot;
        return AppContext.BaseDirectory;
    }
}
