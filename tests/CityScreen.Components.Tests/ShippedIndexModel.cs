using CityScreen.Domain.Index;

namespace CityScreen.Components.Tests;

/// <summary>The index model the repository ships (seed-data/index-model.json), read once for the tests.</summary>
internal static class ShippedIndexModel
{
    public static readonly IndexModel Model = Load();

    private static IndexModel Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "seed-data", "index-model.json");
            if (!File.Exists(Path.Combine(dir.FullName, "CityScreen.sln"))) continue;
            using var file = File.OpenRead(path);
            return IndexModelLoader.Parse(file, "seed-data/index-model.json");
        }
        throw new InvalidOperationException("CityScreen.sln was not found above the test binaries");
    }
}
