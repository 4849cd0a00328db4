using CityScreen.Domain.Index;
using CityScreen.Storage.Indices;

namespace CityScreen.Storage.Tests;

/// <summary>What every <see cref="IIndexStore"/> promises, run against each implementation by a derived class.</summary>
public abstract class IndexStoreContract
{
    private const string Version = "test.1";
    private static readonly DateOnly Day = new(2026, 11, 2);
    private static readonly DateOnly Month = new(2026, 11, 1);

    /// <summary>A store on this test's database (not yet initialized).</summary>
    protected abstract Task<IIndexStore> CreateStoreAsync();

    private async Task<IIndexStore> OpenAsync()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync();
        return store;
    }

    private static FrozenWeights Weights(double d1) => new(Version, Month, "grid",
        [new DimensionWeight("D1", 0.5, null, d1), new DimensionWeight("D2", 0.5, null, 1 - d1)],
        new Dictionary<string, double> { ["A"] = 1, ["B"] = 1 });

    private static IndexRecord Record(string area, double value, DateOnly? day = null) => new(
        day ?? Day, area, Version, "grid", "c1", value, "B", null, 1, null, false,
        new Dictionary<string, double> { ["dueClose"] = 10, ["closedOnTime"] = 8 },
        Weights(0.5),
        new IndexExplanation(area, day ?? Day, value, Version,
        [
            new DimensionExplanation("D1", "组织覆盖", 0.5, value, [new IndicatorExplanation("A", "甲", 0.8, value, 1, 8, 10)]),
            new DimensionExplanation("D2", "党员作用", 0.5, value, [new IndicatorExplanation("B", "乙", null, null, 0, 0, 0), new IndicatorExplanation("C", "丙", 1, value, 1, 1, 1)]),
        ]));

    [Fact]
    public async Task A_night_is_upserted_by_date_area_and_version_and_counted_each_time()
    {
        var store = await OpenAsync();

        await store.SaveNightAsync(Day, Version, [Record("g1", 70), Record("g2", 80)], DateTimeOffset.UtcNow);
        await store.SaveNightAsync(Day, Version, [Record("g1", 71), Record("g2", 80)], DateTimeOffset.UtcNow);

        var rows = await store.ReadDateAsync(Day, Version, "grid");
        Assert.Equal([71.0, 80.0], rows.Select(r => r.Value!.Value));
        Assert.Equal(2, Assert.Single(await store.NightsAsync(Version)).Computations);
        Assert.Equal(Day, await store.LastDateAsync(Version));
        Assert.Null(await store.LastDateAsync("other"));
        Assert.Empty(await store.ReadDateAsync(Day, Version, "community"));
        // A scoped reader's areas only, chosen by the database.
        Assert.Equal(["g2"], (await store.ReadDateAsync(Day, Version, "grid", areaIds: ["g2", "g9"])).Select(r => r.AreaId));
        Assert.Empty(await store.ReadDateAsync(Day, Version, null, areaIds: []));
    }

    [Fact]
    public async Task Inputs_weights_and_the_explanation_read_back_as_stored()
    {
        var store = await OpenAsync();
        var record = Record("g1", 70);

        await store.SaveNightAsync(Day, Version, [record], DateTimeOffset.UtcNow);
        var read = await store.ReadAsync("g1", Day, Version);

        Assert.Equal(record.Inputs, read!.Inputs);
        Assert.Equal(record.Weights.Dimensions, read.Weights.Dimensions);
        Assert.Equal(record.Weights.Indicators, read.Weights.Indicators);
        Assert.Equal(record.Explanation.Dimensions.SelectMany(d => d.Indicators), read.Explanation.Dimensions.SelectMany(d => d.Indicators));
        Assert.Equal(Day, read.Explanation.Date);
    }

    [Fact]
    public async Task History_is_in_date_order_within_the_range()
    {
        var store = await OpenAsync();
        for (var d = 0; d < 5; d++)
            await store.SaveNightAsync(Day.AddDays(d), Version, [Record("g1", 60 + d, Day.AddDays(d))], DateTimeOffset.UtcNow);

        var history = await store.HistoryAsync("g1", Version, Day.AddDays(1), Day.AddDays(3));

        Assert.Equal([61.0, 62.0, 63.0], history.Select(p => p.Value!.Value));
        Assert.Equal(62.0, (await store.ValuesAsync(Day.AddDays(2), Version))["g1"]);
    }

    [Fact]
    public async Task Frozen_weights_stay_as_first_frozen()
    {
        var store = await OpenAsync();

        var first = await store.FreezeAsync(Weights(0.3));
        var second = await store.FreezeAsync(Weights(0.7));

        Assert.Equal(0.3, first.Dimensions[0].Weight);
        Assert.Equal(0.3, second.Dimensions[0].Weight);
        Assert.Null(await store.WeightsAsync(Version, Month.AddMonths(1), "grid"));
    }
}
