using CityScreen.Areas;
using CityScreen.Dashboards;
using CityScreen.Dashboards.Catalog;

namespace CityScreen.Components.Tests;

/// <summary>
/// A dashboards directory of its own: one small layout per level (the view model draws nothing,
/// it only needs their ids and dwell times) and the rotations a test writes, deleted afterwards.
/// </summary>
internal sealed class WallDashboards : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cityscreen-wall-tests", Guid.NewGuid().ToString("n"), "dashboards");

    public WallDashboards(params (string Id, string Json)[] rotations)
    {
        Directory.CreateDirectory(_directory);
        foreach (var (id, dwell) in new[] { ("city-wall", 60), ("street", 20), ("community", 20), ("grid", 20) })
            File.WriteAllText(Path.Combine(_directory, id + ".json"), Layout(id, dwell));
        foreach (var (id, json) in rotations) File.WriteAllText(Path.Combine(_directory, id + ".json"), json);
    }

    public DashboardCatalog Catalog(AreaTree tree) => new(_directory, new DashboardOptions { IsKnownArea = id => tree.TryGet(id, out _) });

    private static string Layout(string id, int dwellSeconds) => $$"""
        {"schemaVersion": 1, "id": "{{id}}", "title": "{{id}}", "canvas": {"width": 1920, "height": 1080}, "dwellSeconds": {{dwellSeconds}},
         "panels": [{"id": "title", "type": "title", "x": 0, "y": 0, "w": 960, "h": 84}]}
        """;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(_directory)!, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner will have it.
        }
    }
}
