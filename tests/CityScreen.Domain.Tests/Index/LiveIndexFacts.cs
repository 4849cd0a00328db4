using CityScreen.Contracts.Events;
using CityScreen.Domain.Index;
using CityScreen.Testing;
using static CityScreen.Domain.Tests.Index.TestModels;
using static CityScreen.Testing.CaseSteps;

namespace CityScreen.Domain.Tests.Index;

public sealed class LiveIndexFacts
{
    private static readonly IndexModel Model = SeedModel.Load();
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly IndexCalculator Calculator = new(Model, MonthlyWeights.Priors(Model, new(2026, 11, 1), "community"));

    /// <summary>What the night left: stocks, meetings and needs, and last night's case counts (to be replaced by the live ones).</summary>
    private static readonly Dictionary<string, double> Nightly = Inputs(
        ("grids", 1), ("gridsWithBranch", 1), ("households", 320), ("membersExpected", 40),
        ("meetingsHeld", 2), ("meetingsExpected", 2), ("needs", 10), ("needsMatched", 8),
        ("dueClose", 40), ("closedOnTime", 40), ("ratings", 30), ("satisfied", 29));

    private static IEnumerable<CityEvent> ClosedCase(string id, int day, bool late)
    {
        var s = new CaseSteps(id);
        yield return s.Reported(Local(day, 8));
        yield return s.Filed(Local(day, 9), due: Local(day, 18));
        yield return s.Closed(Local(day, late ? 20 : 12));
    }

    private static LiveIndex Live(IEnumerable<CityEvent> events)
    {
        var values = Workflow.WhistleFacts.LedgerOf(events).Compute(Local(Today.Day, 10)).Values;
        return LiveIndex.Compute(Calculator, "g1", Today, Local(Today.Day, 10), Nightly, values);
    }

    [Fact]
    public void The_live_index_moves_when_events_change_the_indicators_and_scores_as_the_night_would()
    {
        var onTime = ClosedCase("a", 20, late: false).Concat(ClosedCase("b", 21, late: false)).ToList();
        var before = Live(onTime);
        var after = Live(onTime.Concat(ClosedCase("c", 22, late: true)));

        // The live counts replace last night's: 2 of 2 closed on time, then 2 of 3 (none of the three
        // was marked resolved, so 0 of 3 resolved on time); no ratings live yet.
        var nightlyOnSameInputs = Calculator.Compute("g1", Today, new Dictionary<string, double>(Nightly)
        {
            ["dueClose"] = 3, ["closedOnTime"] = 2, ["dueResolve"] = 3, ["resolvedOnTime"] = 0, ["ratings"] = 0, ["satisfied"] = 0,
        });
        Assert.NotNull(before.Value);
        Assert.True(after.Value < before.Value, $"a late closure should lower the live index ({before.Value} → {after.Value})");
        Assert.Equal(nightlyOnSameInputs.Value!.Value, after.Value!.Value, 12);
        Assert.Equal(Model.Grades.GradeOf(after.Value.Value), after.Grade);
    }

    [Fact]
    public void What_only_the_night_counts_stays_as_the_night_left_it()
    {
        var inputs = LiveIndexInputs.Of(Model, Nightly, Workflow.WhistleFacts.LedgerOf(ClosedCase("a", 20, late: false)).Compute(Local(Today.Day, 10)).Values);

        Assert.Equal(2, inputs["meetingsExpected"]);
        Assert.Equal(8, inputs["needsMatched"]);
        Assert.Equal((1, 1), (inputs["dueClose"], inputs["closedOnTime"]));
    }
}
