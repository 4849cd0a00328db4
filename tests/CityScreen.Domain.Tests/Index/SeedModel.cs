using CityScreen.Domain.Index;

namespace CityScreen.Domain.Tests.Index;

/// <summary>
/// The model the product ships, read from the repository itself: found by walking up from the
/// test binaries to the directory that holds CityScreen.sln, so no copy of it can drift.
/// </summary>
internal static class SeedModel
{
    public const string SourceName = "seed-data/index-model.json";

    public static string Text() => File.ReadAllText(Path.Combine(RepositoryRoot(), "seed-data", "index-model.json"));

    public static IndexModel Load() => IndexModelLoader.Parse(Text(), SourceName);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CityScreen.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no CityScreen.sln above {AppContext.BaseDirectory}");
    }
}
