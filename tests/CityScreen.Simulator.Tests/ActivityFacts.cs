using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Tests;

[Collection(TwoDaysCollection.Name)]
public class ActivityFacts(TwoDays run)
{
    private IReadOnlyList<CityEvent> Of(params string[] types) => [.. run.Events.Where(e => types.Contains(e.Type))];

    [Fact]
    public void Every_activity_type_occurs_in_the_history_or_the_live_stream()
    {
        // A project live takes days to complete, longer than this run: completions and ratings are in the history.
        Assert.All(EventTypes.Activities, type => Assert.Contains(run.History.Concat(run.Events), e => e.Type == type));
        Assert.All(
            [EventTypes.MemberCheckin, EventTypes.VolunteerLogged, EventTypes.PointsAwarded, EventTypes.MeetingHeld,
             EventTypes.NeedListed, EventTypes.ProjectPublished, EventTypes.ProjectClaimed, EventTypes.SiteServed],
            type => Assert.Contains(run.Events, e => e.Type == type));
    }

    [Fact]
    public void Service_work_is_about_one_per_case()
    {
        var service = Of(EventTypes.MemberCheckin, EventTypes.VolunteerLogged, EventTypes.PointsAwarded).Count;
        Assert.InRange(service / (double)run.Reports.Count, 0.8, 1.2);
    }

    [Fact]
    public void Check_ins_come_from_the_community_roster_with_their_unit()
    {
        var communities = TestCity.Grids.GroupBy(g => g.CommunityId).ToDictionary(g => g.Key, g => g.Sum(x => x.MembersExpected));
        var communityOf = TestCity.Grids.ToDictionary(g => g.GridId, g => g.CommunityId);
        var checkins = Of(EventTypes.MemberCheckin);
        // The ids of the community's members, as its orders (党员接单) and its roster name them.
        Assert.All(checkins, e => Assert.StartsWith(communityOf[e.GridId!] + "-m", e.MemberId));
        // A community's distinct serving members never exceed the members expected to register there (PM01 ≤ 100 %).
        Assert.All(checkins.GroupBy(e => communityOf[e.GridId!]), g => Assert.True(g.Select(e => e.MemberId).Distinct().Count() <= communities[g.Key]));
        var roster = run.History.Where(e => e.Type == EventTypes.MemberRegistered).Select(e => e.MemberId).ToHashSet();
        Assert.True(checkins.Count(e => roster.Contains(e.MemberId)) > checkins.Count * 0.8, "most check-ins are by registered members");

        // A member always serves with the same unit.
        Assert.All(checkins.GroupBy(e => e.MemberId), g => Assert.Single(g.Select(e => e.UnitId).Distinct()));
    }

    [Fact]
    public void Check_ins_reach_most_but_not_all_expected_members()
    {
        var expected = TestCity.Grids.Sum(g => g.MembersExpected);
        var distinct = Of(EventTypes.MemberCheckin).Select(e => e.MemberId).Distinct().Count();
        Assert.InRange(distinct / (double)expected, 0.5, 0.96);
    }

    [Fact]
    public void Meetings_sometimes_belong_to_the_community_and_projects_always_do()
    {
        Assert.InRange(TwoDays.Share(Of(EventTypes.MeetingHeld), e => e.GridId is null && e.CommunityId is not null), 0.08, 0.35);
        Assert.All(Of(EventTypes.ProjectPublished, EventTypes.ProjectClaimed, EventTypes.ProjectCompleted, EventTypes.ProjectRated), e => Assert.NotNull(e.CommunityId));
        Assert.All(Of(EventTypes.MemberCheckin, EventTypes.VolunteerLogged, EventTypes.PointsAwarded), e => Assert.NotNull(e.GridId));
    }

    [Fact]
    public void Meetings_are_a_few_per_grid_a_month()
    {
        var perGridPerMonth = Of(EventTypes.MeetingHeld).Count / (double)TestCity.Grids.Count * 15;
        Assert.InRange(perGridPerMonth, 1, 5);
    }

    [Fact]
    public void Project_completions_name_a_project_claimed_earlier_in_the_same_place()
    {
        var claims = Of(EventTypes.ProjectClaimed).ToDictionary(e => e.ProjectId!);
        foreach (var done in Of(EventTypes.ProjectCompleted))
        {
            if (!claims.TryGetValue(done.ProjectId!, out var claim)) continue; // claimed before the run
            Assert.True(done.OccurredAt > claim.OccurredAt.AddHours(23), done.Id);
            Assert.Equal(claim.AreaId, done.AreaId);
        }
    }
}
