using CityScreen.Domain.Rollups;
using CityScreen.Storage.Rollups;

namespace CityScreen.Storage.Tests;

/// <summary>What every <see cref="IRollupStore"/> promises, run against each implementation by a derived class.</summary>
public abstract class RollupStoreContract
{
    private static readonly DateOnly Day = new(2026, 11, 2);

    /// <summary>A store on this test's database, as a new process would open it (not yet initialized).</summary>
    protected abstract Task<IRollupStore> CreateStoreAsync();

    private async Task<IRollupStore> OpenAsync()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync();
        return store;
    }

    private static DailyRollup Rollup(string leaf, DateOnly day, double dueClose, params string[] members) => new(
        leaf,
        day,
        new Dictionary<string, double> { ["dueClose"] = dueClose, ["households"] = 300 },
        new Dictionary<string, IReadOnlyList<string>> { ["membersCheckedIn"] = members });

    [Fact]
    public async Task Saving_reports_only_rollups_that_changed_and_reads_them_back_as_stored()
    {
        var store = await OpenAsync();

        var first = await store.SaveAsync([Rollup("g1", Day, 3, "m2", "m1"), Rollup("g2", Day, 1)]);
        var same = await store.SaveAsync([Rollup("g1", Day, 3, "m1", "m2"), Rollup("g2", Day, 1)]);
        var changed = await store.SaveAsync([Rollup("g1", Day, 4, "m1", "m2")]);

        Assert.Equal(2, first.Count);
        Assert.Empty(same);
        Assert.Single(changed);
        var read = await store.ReadAsync("g1", Day);
        Assert.Equal(4, read!.Count("dueClose"));
        Assert.Equal(["m1", "m2"], read.Set("membersCheckedIn"));
        var all = new List<DailyRollup>();
        await foreach (var r in store.ReadAsync(Day, Day)) all.Add(r);
        Assert.Equal(["g1", "g2"], all.Select(r => r.LeafId).Order());
    }

    [Fact]
    public async Task Marks_and_the_cursor_are_kept_together_and_saving_a_day_clears_its_mark()
    {
        var store = await OpenAsync();
        Assert.Equal(0, await store.CursorAsync());

        await store.MarkDirtyAsync([("g1", Day), ("g1", Day.AddDays(1)), ("g2", Day)], cursor: 42);

        Assert.Equal(42, await store.CursorAsync());
        Assert.Equal(2, (await store.DirtyDaysAsync(Day)).Count);
        await store.SaveAsync([Rollup("g1", Day, 1)]);
        Assert.Equal([("g1", Day.AddDays(1)), ("g2", Day)], await store.DirtyDaysAsync(Day.AddDays(1)));
    }

    [Fact]
    public async Task Rolled_up_days_remember_whether_they_were_simulated()
    {
        var store = await OpenAsync();
        var at = DateTimeOffset.UnixEpoch.AddDays(20_000);

        await store.MarkRolledUpAsync([Day.AddDays(-1)], simulated: true, at);
        await store.MarkRolledUpAsync([Day, Day.AddDays(1)], simulated: false, at);

        var days = await store.RolledUpDaysAsync();
        Assert.Equal([Day.AddDays(-1), Day, Day.AddDays(1)], days.Select(d => d.Date));
        Assert.Equal([true, false, false], days.Select(d => d.Simulated));
        Assert.Equal(at, days[0].ComputedAt);
    }

    [Fact]
    public async Task Settings_survive_reopening_the_store()
    {
        await (await OpenAsync()).SetSettingAsync("index.from", "2026-08-01");

        var reopened = await OpenAsync();

        Assert.Equal("2026-08-01", await reopened.GetSettingAsync("index.from"));
        Assert.Null(await reopened.GetSettingAsync("nothing"));
    }
}
