using CityScreen.Dashboards.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace CityScreen.Server.Tests;

public class DashboardReloadFacts
{
    [Fact]
    public async Task An_edited_layout_is_served_without_a_restart_and_a_broken_one_keeps_the_last_good()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cityscreen-dashboards-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "dashboards"), "*.json"))
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        await using var host = new ServerHost();
        try
        {
            await host.StartAsync("--CityScreen:Dashboards:Directory", directory);
            using var http = host.Client();
            var wall = Path.Combine(directory, "city-wall.json");

            await File.WriteAllTextAsync(wall, (await File.ReadAllTextAsync(wall)).Replace("党建引领基层治理 · 指挥中心", "城市运行 · 测试标题"));
            await Eventually.HoldsAsync(async () => (await http.GetStringAsync("/screen")).Contains("城市运行 · 测试标题"),
                "the edited layout to be served", every: TimeSpan.FromMilliseconds(200));

            // The catalog reports the broken file in the same set it serves: once reported, it has been read.
            var catalog = host.Services.GetRequiredService<DashboardCatalog>();
            await File.WriteAllTextAsync(wall, "{ \"id\": \"city-wall\", broken");
            await Eventually.HoldsAsync(() => catalog.Errors.Any(e => e.File.EndsWith("city-wall.json", StringComparison.Ordinal)),
                "the broken layout to be reported", every: TimeSpan.FromMilliseconds(200));
            Assert.Contains("城市运行 · 测试标题", await http.GetStringAsync("/screen"));
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
