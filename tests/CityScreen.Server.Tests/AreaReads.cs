using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CityScreen.Storage.Events;
using Microsoft.Extensions.DependencyInjection;

namespace CityScreen.Server.Tests;

internal static class AreaReads
{
    /// <summary>The indicator a marker moves (爱心积分, points), which no other event of these tests moves.</summary>
    public const string MarkerIndicator = "LP01";

    private const int MarkerPoints = 7;

    /// <summary>
    /// The indicators and counts of an area as the API shows them (what must not change), leaving
    /// out <paramref name="leaveOut"/> (the indicator a marker moves) when given.
    /// </summary>
    public static async Task<string> IndicatorsAsync(this ServerHost host, string areaId, string? leaveOut = null)
    {
        using var http = host.Client();
        var area = await http.GetFromJsonAsync<JsonObject>($"/api/areas/{areaId}");
        var indicators = area!["indicators"]!.AsObject();
        if (leaveOut is not null) Assert.True(indicators.Remove(leaveOut), $"no indicator {leaveOut}");
        return indicators.ToJsonString() + area["counts"]!.ToJsonString();
    }

    /// <summary>
    /// Waits until everything handed to <paramref name="gridId"/> so far shows in <paramref name="areaId"/>,
    /// instead of sleeping and hoping: posts a marker (points, which only <see cref="MarkerIndicator"/>
    /// counts) to the grid and waits until the area shows it. A grid applies its events in order and
    /// passes on its whole state, and an area keeps each child's newest, so once the marker is seen,
    /// so is every event the grid had before it.
    /// </summary>
    public static async Task PassMarkerAsync(this ServerHost host, string areaId, string gridId = Payloads.Grid)
    {
        var before = await host.IndicatorAsync(areaId, MarkerIndicator);
        using var http = host.Client();
        var response = await http.PostAsync("/api/events", Payloads.Json(Payloads.Points($"marker-{Guid.NewGuid():N}", MarkerPoints, gridId)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await host.WaitForAsync(areaId, MarkerIndicator, before + MarkerPoints);
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
    public static Task WaitForAsync(this ServerHost host, string areaId, string indicator, double expected) =>
        Eventually.HoldsAsync(async () =>
        {
            var seen = await host.IndicatorAsync(areaId, indicator);
            return (seen == expected, $"{areaId} {indicator} is {seen}, expected {expected}");
        });
}
