using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Tests;

[Collection(TwoDaysCollection.Name)]
public class BackfillFacts(TwoDays run)
{
    [Fact]
    public void Forty_eight_hours_at_two_per_second_give_about_345600_events()
    {
        Assert.InRange(run.Events.Count, 345_600 * 0.9, 345_600 * 1.1);
    }

    [Fact]
    public void Each_day_has_about_rate_times_seconds_events()
    {
        var firstDay = run.Events.Count(e => e.OccurredAt <= run.Start.AddDays(1));
        var secondDay = run.Events.Count(e => e.OccurredAt > run.Start.AddDays(1));

        Assert.InRange(firstDay, 172_800 * 0.9, 172_800 * 1.1);
        Assert.InRange(secondDay, 172_800 * 0.9, 172_800 * 1.1);
    }

    [Fact]
    public void Event_ids_are_unique()
    {
        Assert.Equal(run.Events.Count, run.Events.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Events_come_in_time_order_except_about_late_share_held_back()
    {
        var late = 0;
        var latest = DateTimeOffset.MinValue;
        foreach (var e in run.Events)
        {
            if (e.OccurredAt < latest)
            {
                late++;
                // Held back 1–10 minutes: never further behind than that.
                Assert.True(latest - e.OccurredAt <= TimeSpan.FromMinutes(10), e.Id);
            }
            else latest = e.OccurredAt;
        }

        Assert.InRange(late / (double)run.Events.Count, run.Options.LateShare * 0.6, run.Options.LateShare * 1.4);
    }

    [Fact]
    public void Late_steps_reach_the_server_before_earlier_steps_of_the_same_case_sometimes()
    {
        var position = run.Events.Select((e, i) => (e.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var overtaken = run.Cases.Values.Count(steps => steps.Zip(steps.Skip(1)).Any(p => position[p.First.Id] > position[p.Second.Id]));

        Assert.True(overtaken > 0);
    }

    [Fact]
    public void Queue_holds_only_open_cases()
    {
        // Open cases are about the reports of the last day or two; nothing of the finished ones stays.
        var reportsPerDay = run.Reports.Count / 2;
        Assert.InRange(run.PendingAfter, reportsPerDay / 4, reportsPerDay * 2);
    }
}
