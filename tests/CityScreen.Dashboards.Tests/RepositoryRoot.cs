namespace CityScreen.Dashboards.Tests;

/// <summary>The checkout the tests run from: the first directory above the test binaries that holds CityScreen.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CityScreen.sln"))) return dir.FullName;
        throw new InvalidOperationException("CityScreen.sln was not found above the test binaries");
    }
}
