using System.Text.Json;
using CityScreen.Areas;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Time;
using CityScreen.Grains;
using CityScreen.Grains.Grids;
using CityScreen.Server.Apis;
using CityScreen.Server.Hosting;
using CityScreen.Storage;
using CityScreen.Storage.Events;
using Microsoft.Extensions.Configuration;

namespace CityScreen.Server.Tests;

/// <summary>
/// The city's indicators worked out again from nothing but the store: every leaf's ledger built
/// from its stored events, computed at the instant the server's answer carries, summed up. A
/// server whose live numbers differ from this has lost, doubled or invented something.
/// </summary>
public static class StoreRecomputation
{
    public static async Task<IndicatorValues> RootAsync(string storePath, DateTimeOffset at)
    {
        var serverDirectory = ServerProcess.ServerDirectory();
        var config = new ConfigurationBuilder().SetBasePath(serverDirectory).AddJsonFile("appsettings.json").Build();
        var tree = AreaConfiguration.Load(config, serverDirectory);
        var clock = new CityClock(TimeProvider.System, CityClock.FindZone(config["CityScreen:TimeZone"] ?? CityClock.DefaultZone));
        var store = new EventStore(CityScreenDatabase.Sqlite(storePath));
        var leaves = tree.All.Where(a => AreaGrainFactory.IsLeaf(a) || a.Level == AreaLevel.Community);
        var values = new List<IndicatorValues>();
        foreach (var area in leaves)
        {
            var ledger = LeafLedger.For(area, clock);
            foreach (var e in await store.ReadAreaAsync(area.Id)) ledger.Apply(e);
            values.Add(ledger.Compute(at).Values);
        }
        return IndicatorMath.Sum(values, CityClock.HourStart(at), clock.LocalDate(at));
    }

    /// <summary>Asserts that an area's answer from <c>GET /api/areas/{id}</c> holds exactly these values and counts.</summary>
    public static void AssertSame(IndicatorValues expected, JsonElement area)
    {
        foreach (var (id, value) in IndicatorDto.Values(expected))
        {
            var live = area.GetProperty("indicators").GetProperty(id);
            Assert.True(value is null ? live.ValueKind == JsonValueKind.Null : live.ValueKind == JsonValueKind.Number && Math.Abs(live.GetDouble() - value.Value) < 1e-9,
                $"{id}: live {live}, recomputed from the store {value?.ToString() ?? "null"}");
        }
        var counts = JsonSerializer.SerializeToElement(IndicatorDto.Counts(expected), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        foreach (var c in counts.EnumerateObject())
            Assert.True(c.Value.ToString() == area.GetProperty("counts").GetProperty(c.Name).ToString(),
                $"{c.Name}: live {area.GetProperty("counts").GetProperty(c.Name)}, recomputed from the store {c.Value}");
    }
}
