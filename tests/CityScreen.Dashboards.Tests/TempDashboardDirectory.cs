namespace CityScreen.Dashboards.Tests;

/// <summary>A fresh directory named <c>dashboards</c> (so errors read "dashboards/x.json"), deleted afterwards.</summary>
internal sealed class TempDashboardDirectory : IDisposable
{
    private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cityscreen-dashboards-tests", Guid.NewGuid().ToString("n"));

    public TempDashboardDirectory()
    {
        Path = System.IO.Path.Combine(_root, "dashboards");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Write(string name, string json) => File.WriteAllText(System.IO.Path.Combine(Path, name), json);

    public void Delete(string name) => File.Delete(System.IO.Path.Combine(Path, name));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher still closing; the OS temp cleaner will have it.
        }
    }
}
