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
            await UntilAsync(async () => (await http.GetStringAsync("/screen")).Contains("城市运行 · 测试标题"));

            await File.WriteAllTextAsync(wall, "{ \"id\": \"city-wall\", broken");
            await Task.Delay(1500);
            Assert.Contains("城市运行 · 测试标题", await http.GetStringAsync("/screen"));
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("the edited layout was not served within 20 s");
            await Task.Delay(200);
        }
    }
}
