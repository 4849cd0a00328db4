using CityScreen.Areas;

namespace CityScreen.Areas.Tests;

/// <summary>The committed seed files, copied beside the test assembly by the project file.</summary>
internal static class SeedData
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "seed-data", "areas");

    public static AreaTree Load(params string[] files) =>
        AreaTreeLoader.Load(files.Select(f => new AreaFileOptions { Path = f }), Directory);

    private static readonly Lazy<AreaTree> DemoCity = new(() => Load("baota-district.geojson", "baota-generated.geojson"));

    /// <summary>延安市 → 宝塔区 → streets → communities → grids, loaded once for every fact that only reads it.</summary>
    public static AreaTree Demo => DemoCity.Value;
}
