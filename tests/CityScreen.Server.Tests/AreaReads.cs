using System.Net.Http.Json;
using System.Text.Json;
using CityScreen.Storage.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CityScreen.Server.Tests;

internal static class AreaReads
{
    /// <summary>The indicators and counts of an area as the API shows them (what must not change).</summary>
    public static async Task<string> IndicatorsAsync(this ServerHost host, string areaId)
    {
        using var http = host.Client();
        var area = await http.GetFromJsonAsync<JsonElement>($"/api/areas/{areaId}");
        return area.GetProperty("indicators").GetRawText() + area.GetProperty("counts").GetRawText();
    }

    public static async Task<double> IndicatorAsync(this ServerHost host, string areaId, string indicator)
    {
        using var http = host.Client();
        var area = await http.GetFromJsonAsync<JsonElement>($"/api/areas/{areaId}");
        return area.GetProperty("indicators").GetProperty(indicator).GetDouble();
    }

    public static Task<long> StoredEventsAsync(this ServerHost host) =>
        host.Services.GetRequiredService<IEventStore>().CountAsync();

    /// <summary>Polls until the area shows <paramref name="expected"/>: grains push on short timers.</summary>
    public static async Task WaitForAsync(this ServerHost host, string areaId, string indicator, double expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        double seen = double.NaN;
        while (DateTime.UtcNow < deadline)
        {
            seen = await host.IndicatorAsync(areaId, indicator);
            if (seen == expected) return;
            await Task.Delay(50);
        }
        Assert.Fail($"{areaId} {indicator} is {seen}, expected {expected}");
    }
}
