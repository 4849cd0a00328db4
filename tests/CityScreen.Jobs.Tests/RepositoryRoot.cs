namespace CityScreen.Jobs.Tests;

/// <summary>The repository, found by walking up from the test binaries to CityScreen.sln: the shipped model is read from there.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CityScreen.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no CityScreen.sln above {AppContext.BaseDirectory}");
    }
}
