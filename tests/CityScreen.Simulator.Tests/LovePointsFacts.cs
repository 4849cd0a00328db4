using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Tests;

/// <summary>爱心积分 in the simulated city: named people, awards that join the roster, regulars who earn most.</summary>
[Collection(TwoDaysCollection.Name)]
public class LovePointsFacts(TwoDays run)
{
    [Fact]
    public void Members_register_with_a_chinese_name_and_awards_name_a_resident_or_a_member_registered_in_that_grid()
    {
        var registered = run.History.Where(e => e.Type == EventTypes.MemberRegistered).ToDictionary(e => e.MemberId!, e => e.GridId);
        Assert.All(registered.Keys, id => Assert.Matches("^[\u4e00-\u9fff]{2,3}$", run.History.First(e => e.MemberId == id && e.Type == EventTypes.MemberRegistered).Name!));
        var awards = run.History.Concat(run.Events).Where(e => e.Type == EventTypes.PointsAwarded).ToList();
        Assert.NotEmpty(awards);
        Assert.All(awards, e =>
        {
            if (e.Name is { } name) Assert.Matches("^[\u4e00-\u9fff]{2,3}$", name);
            else Assert.Equal(registered[e.PersonId!], e.GridId);
        });
        Assert.InRange(awards.Count(e => e.Name is null) / (double)awards.Count, 0.15, 0.5);
    }

    [Fact]
    public void The_history_awards_a_month_of_points_to_regulars_who_earn_several_times()
    {
        var awards = run.History.Where(e => e.Type == EventTypes.PointsAwarded).ToList();
        Assert.All(awards, e => Assert.InRange(e.OccurredAt, run.Start.AddDays(-30), run.Start));
        var perPerson = awards.GroupBy(e => e.PersonId).Select(g => g.Sum(e => e.Points!.Value)).Order().ToList();
        Assert.True(perPerson[^1] >= 4 * perPerson[perPerson.Count / 2], $"top {perPerson[^1]}, median {perPerson[perPerson.Count / 2]}");
    }
}
