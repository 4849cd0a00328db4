using CityScreen.Jobs.History;
using static CityScreen.Domain.Rollups.RollupInputs;

namespace CityScreen.Jobs.Tests;

public sealed class SimulatedHistoryFacts : IAsyncLifetime
{
    private readonly JobHarness _job = new(Shanghai.At(11, 10, 3));

    public async Task InitializeAsync()
    {
        await _job.InitializeAsync();
        // What the simulator's backfill leaves: part of the day before yesterday, yesterday, today.
        await _job.AppendAsync(new[] { 8, 9, 10 }.SelectMany(d => CityDays.Events(_job.Tree, Shanghai.Day(11, d))));
    }

    public async Task DisposeAsync() => await _job.DisposeAsync();

    [Fact]
    public async Task A_first_run_gives_the_configured_days_of_history_each_with_a_full_window_behind_it()
    {
        var result = await _job.RunAsync(simulatedHistoryDays: 40);

        Assert.Equal(40, result.IndexDates.Count);
        Assert.Equal(Shanghai.Day(10, 1), result.IndexDates[0]);
        Assert.Equal(Shanghai.Day(11, 9), result.IndexDates[^1]);
        var rolled = await _job.Rollups.RolledUpDaysAsync();
        Assert.Equal(Shanghai.Day(9, 2), rolled[0].Date);
        Assert.All(rolled.Where(d => d.Date < Shanghai.Day(11, 8)), d => Assert.True(d.Simulated));
        Assert.All(rolled.Where(d => d.Date >= Shanghai.Day(11, 8)), d => Assert.False(d.Simulated));

        var early = await _job.Indices.ReadAsync(TestCity.Community, Shanghai.Day(10, 1), _job.Model.Version);
        Assert.True(early!.Simulated);
        Assert.InRange(early.Value!.Value, 0, 100);
        var yesterday = await _job.Indices.ReadAsync(TestCity.Community, Shanghai.Day(11, 9), _job.Model.Version);
        Assert.False(yesterday!.Simulated);
    }

    [Fact]
    public async Task Days_with_registry_events_but_no_case_are_simulated_and_keep_what_the_registries_rolled_up()
    {
        // The demo's registries go back half a year, its cases two days: a member registered a month earlier.
        await using var job = new JobHarness(Shanghai.At(11, 10, 3));
        await job.InitializeAsync();
        await job.AppendAsync([new Contracts.Events.CityEvent
        {
            Id = "reg-early", Type = Contracts.Events.EventTypes.MemberRegistered, OccurredAt = Shanghai.At(10, 20, 9),
            GridId = TestCity.Grid, Source = "test", MemberId = "early-member", UnitId = "u1",
        }]);
        await job.AppendAsync(new[] { 8, 9, 10 }.SelectMany(d => CityDays.Events(job.Tree, Shanghai.Day(11, d))));

        await job.RunAsync(simulatedHistoryDays: 40);

        var rolled = await job.Rollups.RolledUpDaysAsync();
        Assert.All(rolled.Where(d => d.Date < Shanghai.Day(11, 8)), d => Assert.True(d.Simulated));
        var registered = (await job.Rollups.ReadAsync(TestCity.Grid, Shanghai.Day(10, 25)))!;
        Assert.True(registered.Simulated);
        Assert.True(registered.Count(CasesReported) > 0);
        Assert.Contains("early-member", registered.Set(MembersRegistered));
    }

    [Fact]
    public async Task Simulated_days_look_like_the_real_day_they_were_calibrated_on()
    {
        await _job.RunAsync(simulatedHistoryDays: 20);

        var real = await _job.Rollups.ReadAsync(TestCity.Grid, Shanghai.Day(11, 9));
        var simulated = new List<Domain.Rollups.DailyRollup>();
        for (var d = Shanghai.Day(10, 1); d <= Shanghai.Day(10, 30); d = d.AddDays(1))
            simulated.Add((await _job.Rollups.ReadAsync(TestCity.Grid, d))!);

        Assert.All(simulated, s => Assert.True(s.Simulated));
        Assert.All(simulated, s => Assert.Equal(real!.Count(Households), s.Count(Households)));
        Assert.InRange(simulated.Average(s => s.Count(DueClose)), 0.5 * real!.Count(DueClose), 1.5 * real.Count(DueClose));
        Assert.All(simulated, s => Assert.True(s.Count(ClosedOnTime) <= s.Count(DueClose)));
        Assert.All(simulated, s => Assert.All(s.Set(MembersCheckedIn), m => Assert.StartsWith(TestCity.Grid + "-m", m)));
        Assert.Contains(simulated, s => s.Count(DueClose) != simulated[0].Count(DueClose));
    }

    [Fact]
    public async Task The_history_is_seeded_once_and_the_same_store_gives_the_same_history()
    {
        await _job.RunAsync(simulatedHistoryDays: 10);
        var first = await _job.RowsAsync();

        var again = await _job.RunAsync(simulatedHistoryDays: 10);

        Assert.Empty(again.IndexDates);
        Assert.Equal(first, await _job.RowsAsync());
        Assert.NotNull(await _job.Rollups.GetSettingAsync(SimulatedHistory.SeededKey));

        await using var twin = new JobHarness(Shanghai.At(11, 10, 3));
        await twin.InitializeAsync();
        await twin.AppendAsync(new[] { 8, 9, 10 }.SelectMany(d => CityDays.Events(twin.Tree, Shanghai.Day(11, d))));
        await twin.RunAsync(simulatedHistoryDays: 10);
        Assert.Equal(first, await twin.RowsAsync());
    }

    [Fact]
    public async Task A_month_gets_entropy_weights_once_a_full_month_lies_behind_it()
    {
        await _job.RunAsync(simulatedHistoryDays: 40);

        var november = await _job.Indices.WeightsAsync(_job.Model.Version, new DateOnly(2026, 11, 1), "grid");
        var october = await _job.Indices.WeightsAsync(_job.Model.Version, new DateOnly(2026, 10, 1), "grid");

        Assert.All(november!.Dimensions, d => Assert.NotNull(d.Entropy));
        Assert.Equal(1, november.Dimensions.Sum(d => d.Weight), 9);
        // The history starts on 2 September: October has no full month behind it.
        Assert.All(october!.Dimensions, d => Assert.Null(d.Entropy));
        Assert.NotEqual(october.Dimensions.Select(d => d.Weight), november.Dimensions.Select(d => d.Weight));
    }
}
