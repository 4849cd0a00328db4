using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Domain.Rollups;
using static CityScreen.Domain.Rollups.RollupInputs;

namespace CityScreen.Jobs.Tests;

public sealed class IndexCatchUpFacts : IAsyncLifetime
{
    private readonly JobHarness _job = new(Shanghai.At(11, 10, 3));

    public Task InitializeAsync() => _job.InitializeAsync();

    public async Task DisposeAsync() => await _job.DisposeAsync();

    private Task AppendDaysAsync(params int[] days) =>
        _job.AppendAsync(days.SelectMany(d => CityDays.Events(_job.Tree, Shanghai.Day(11, d))));

    private async Task<Dictionary<DateOnly, int>> ComputationsAsync() =>
        (await _job.Indices.NightsAsync(_job.Model.Version)).ToDictionary(n => n.Date, n => n.Computations);

    [Fact]
    public async Task A_first_run_computes_every_night_from_the_first_event_to_yesterday()
    {
        await AppendDaysAsync(7, 8, 9, 10);

        var result = await _job.RunAsync();

        Assert.Equal([Shanghai.Day(11, 7), Shanghai.Day(11, 8), Shanghai.Day(11, 9)], result.IndexDates);
        var community = await _job.Indices.ReadDateAsync(Shanghai.Day(11, 9), _job.Model.Version, "community", default);
        Assert.Equal(4, community.Count);
        Assert.All(community, r =>
        {
            Assert.InRange(r.Value!.Value, 0, 100);
            Assert.NotNull(r.Grade);
            Assert.InRange(r.Stars!.Value, 1, 5);
            Assert.InRange(r.Rank!.Value, 1, 2);
        });
        var grids = await _job.Indices.ReadDateAsync(Shanghai.Day(11, 9), _job.Model.Version, "grid", default);
        Assert.All(grids, r => Assert.Null(r.Stars));
        // Today is not over: it is not computed.
        Assert.Null(await _job.Indices.ReadAsync(TestCity.City, Shanghai.Day(11, 10), _job.Model.Version, default));
    }

    [Fact]
    public async Task Running_the_job_twice_or_recomputing_the_same_dates_gives_the_same_rows()
    {
        await AppendDaysAsync(7, 8, 9);
        await _job.RunAsync();
        var first = await _job.RowsAsync();

        var again = await _job.RunAsync();
        Assert.Empty(again.IndexDates);
        Assert.Equal(first, await _job.RowsAsync());

        var recomputed = await _job.RunAsync(new DateRange(Shanghai.Day(11, 7), Shanghai.Day(11, 9)));
        Assert.Equal(3, recomputed.IndexDates.Count);
        Assert.Null(recomputed.EarliestChangedRollup);
        Assert.Equal(first, await _job.RowsAsync());
    }

    [Fact]
    public async Task After_several_missed_nights_each_is_computed_once()
    {
        _job.Time.Set(Shanghai.At(11, 8, 2, 30));
        await AppendDaysAsync(7);
        await _job.RunAsync();

        // The host was down from the 8th to the 11th: three 02:00s passed without a run.
        await AppendDaysAsync(8, 9, 10);
        _job.Time.Set(Shanghai.At(11, 11, 9));
        var result = await _job.RunAsync();

        Assert.Equal([Shanghai.Day(11, 8), Shanghai.Day(11, 9), Shanghai.Day(11, 10)], result.IndexDates);
        var computations = await ComputationsAsync();
        Assert.Equal(4, computations.Count);
        Assert.All(computations.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task A_late_event_recomputes_its_day_and_the_nights_after_it()
    {
        await AppendDaysAsync(7, 8, 9);
        await _job.RunAsync();
        var before = await _job.Rollups.ReadAsync(TestCity.Grid, Shanghai.Day(11, 8));
        var indexBefore = await _job.Indices.ReadAsync(TestCity.Grid, Shanghai.Day(11, 8), _job.Model.Version, default);

        // A 12345 case of the 8th reaches the store only on the 10th, overdue and unanswered.
        var late = new CaseSteps("AJ-late", TestCity.Grid);
        await _job.AppendAsync([late.Reported(Shanghai.At(11, 8, 9), kind: "hotline"), late.Filed(Shanghai.At(11, 8, 9, 10), Shanghai.At(11, 8, 12))]);
        _job.Time.Set(Shanghai.At(11, 10, 10));
        var result = await _job.RunAsync();

        Assert.Equal(Shanghai.Day(11, 8), result.EarliestChangedRollup);
        Assert.Equal([Shanghai.Day(11, 8), Shanghai.Day(11, 9)], result.IndexDates);
        var after = await _job.Rollups.ReadAsync(TestCity.Grid, Shanghai.Day(11, 8));
        Assert.Equal(before!.Count(DueClose) + 1, after!.Count(DueClose));
        Assert.Equal(before.Count(HotlineDue) + 1, after.Count(HotlineDue));
        Assert.Equal(before.Count(OverdueOpen) + 1, after.Count(OverdueOpen));
        var indexAfter = await _job.Indices.ReadAsync(TestCity.Grid, Shanghai.Day(11, 8), _job.Model.Version, default);
        Assert.Equal(indexBefore!.Inputs[DueClose] + 1, indexAfter!.Inputs[DueClose]);
        Assert.Equal(new Dictionary<DateOnly, int> { [Shanghai.Day(11, 7)] = 1, [Shanghai.Day(11, 8)] = 2, [Shanghai.Day(11, 9)] = 2 }, await ComputationsAsync());
        Assert.Empty(await _job.Rollups.DirtyDaysAsync(Shanghai.Day(11, 9)));
    }

    [Fact]
    public async Task A_late_step_of_an_earlier_case_recomputes_from_the_day_the_case_began()
    {
        await AppendDaysAsync(7, 8, 9);
        await _job.RunAsync();

        // The case reported on the 7th is reopened on the 9th, and the store hears of it on the 10th.
        var steps = new CaseSteps($"AJ20261107-{TestCity.Grid}-0", TestCity.Grid);
        await _job.AppendAsync([steps.Reopened(Shanghai.At(11, 9, 8)) with { Id = "late-reopening" }]);
        _job.Time.Set(Shanghai.At(11, 10, 10));
        var result = await _job.RunAsync();

        Assert.Equal(Shanghai.Day(11, 7), result.EarliestChangedRollup);
        Assert.Equal(3, result.IndexDates.Count);
    }

    [Fact]
    public async Task A_parent_pools_its_grids_counts_and_is_never_an_average()
    {
        await AppendDaysAsync(7, 8, 9);
        await _job.RunAsync();

        var day = Shanghai.Day(11, 9);
        var all = (await _job.Indices.ReadDateAsync(day, _job.Model.Version, null, default)).ToDictionary(r => r.AreaId);
        var grids = _job.Tree.AtLevel(AreaLevel.Grid).Select(g => all[g.Id]).ToList();
        foreach (var input in new[] { DueClose, ClosedOnTime, Ratings, Satisfied, Households, Grids, MembersCheckedIn, VolunteerHours })
            Assert.Equal(grids.Sum(g => g.Inputs[input]), all[TestCity.City].Inputs[input], 9);

        var city = all[TestCity.City];
        var ev08 = city.Explanation.Dimensions.SelectMany(d => d.Indicators).Single(i => i.Id == "EV08");
        Assert.Equal(city.Inputs[ClosedOnTime] / city.Inputs[DueClose], ev08.Value!.Value, 12);
        Assert.Equal(1, city.Rank);
        // Value = Σ weight × score at each level.
        Assert.Equal(city.Value!.Value, city.Explanation.Dimensions.Sum(d => d.Weight * (d.Score ?? 0)), 9);
        foreach (var d in city.Explanation.Dimensions.Where(d => d.Score is not null))
            Assert.Equal(d.Score!.Value, d.Indicators.Sum(i => i.Weight * (i.Score ?? 0)), 9);
    }

    [Fact]
    public async Task Ranks_are_among_siblings_and_change_is_since_the_day_before()
    {
        await AppendDaysAsync(7, 8, 9);
        await _job.RunAsync();

        var day8 = (await _job.Indices.ReadDateAsync(Shanghai.Day(11, 8), _job.Model.Version, null, default)).ToDictionary(r => r.AreaId);
        var day9 = await _job.Indices.ReadDateAsync(Shanghai.Day(11, 9), _job.Model.Version, null, default);
        foreach (var siblings in day9.GroupBy(r => r.ParentId))
            Assert.Equal(1, siblings.Min(r => r.Rank));
        Assert.All(day9, r => Assert.Equal(r.Value!.Value - day8[r.AreaId].Value!.Value, r.Change!.Value, 9));
        var day7 = await _job.Indices.ReadDateAsync(Shanghai.Day(11, 7), _job.Model.Version, null, default);
        Assert.All(day7, r => Assert.Null(r.Change));
    }

    [Fact]
    public async Task Without_a_full_month_before_the_weights_are_the_AHP_priors_frozen_for_the_month()
    {
        await AppendDaysAsync(7, 8, 9);
        await _job.RunAsync();

        var weights = await _job.Indices.WeightsAsync(_job.Model.Version, new DateOnly(2026, 11, 1), "grid", default);
        Assert.NotNull(weights);
        Assert.All(weights.Dimensions, d => Assert.Null(d.Entropy));
        Assert.Equal(_job.Model.Ahp.Priorities, weights.Dimensions.Select(d => d.Weight));
    }

    [Fact]
    public async Task A_store_without_events_computes_nothing()
    {
        var result = await _job.RunAsync();

        Assert.Empty(result.IndexDates);
        Assert.Null(await _job.Indices.LastDateAsync(_job.Model.Version, default));
    }

    [Fact]
    public async Task Activities_naming_a_community_count_in_that_community()
    {
        await AppendDaysAsync(8, 9);
        await _job.AppendAsync([Activities.Claimed("pc-community", TestCity.Community, Shanghai.At(11, 9, 9), "p-community", community: true)]);
        await _job.RunAsync();

        var day = Shanghai.Day(11, 9);
        var community = await _job.Indices.ReadAsync(TestCity.Community, day, _job.Model.Version, default);
        var grids = _job.Tree.Children(TestCity.Community);
        var gridClaims = 0.0;
        foreach (var g in grids) gridClaims += (await _job.Indices.ReadAsync(g.Id, day, _job.Model.Version, default))!.Inputs[ProjectsClaimed];
        Assert.Equal(gridClaims + 1, community!.Inputs[ProjectsClaimed]);
    }
}
