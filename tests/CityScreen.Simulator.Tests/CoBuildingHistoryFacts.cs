using CityScreen.Contracts.Events;
using CityScreen.Domain.CoBuilding;

namespace CityScreen.Simulator.Tests;

/// <summary>The simulated 共驻共建 history: a roster in the hundreds, units and lists that join, every reference after what it names.</summary>
[Collection(TwoDaysCollection.Name)]
public class CoBuildingHistoryFacts(TwoDays run)
{
    [Fact]
    public void Every_reference_of_the_history_and_the_live_stream_names_an_item_listed_before_it_in_its_community()
    {
        var communityOf = TestCity.Grids.ToDictionary(g => g.GridId, g => g.CommunityId);
        string Community(CityEvent e) => e.CommunityId ?? communityOf[e.GridId!];
        var listed = new HashSet<(string, string)>();
        var unknown = new List<string>();
        foreach (var e in run.History.Concat(run.Events.OrderBy(e => e.OccurredAt)))
        {
            foreach (var (kind, id, field) in RegistryReferences.RefersTo(e))
                if (!listed.Contains((Community(e), RegistryReferences.Key(kind, id)))) unknown.Add($"{e.Id}.{field} {id}");
            if (RegistryReferences.Lists(e) is (var k, var i)) listed.Add((Community(e), RegistryReferences.Key(k, i)));
        }
        Assert.Empty(unknown);
    }

    [Fact]
    public void The_history_has_a_roster_projects_claimed_in_bursts_and_ratings()
    {
        var h = run.History;
        Assert.All(h, e => Assert.True(e.OccurredAt < run.Start, e.Id));
        Assert.Equal(h.Count, h.Select(e => e.Id).Distinct().Count());
        var members = h.Count(e => e.Type == EventTypes.MemberRegistered);
        Assert.InRange(members, 0.85 * TestCity.Grids.Sum(g => g.MembersExpected), TestCity.Grids.Sum(g => g.MembersExpected));
        var published = h.Where(e => e.Type == EventTypes.ProjectPublished).ToList();
        var claimed = h.Count(e => e.Type == EventTypes.ProjectClaimed);
        Assert.NotEmpty(published);
        Assert.InRange(claimed / (double)published.Count, 0.7, 1);
        // Projects are published at the monthly meetings (the joint ones quarterly): few distinct days.
        Assert.True(published.Select(e => e.OccurredAt.Date).Distinct().Count() <= 3 * TestCity.Grids.Select(g => g.CommunityId).Distinct().Count());
        Assert.Contains(h, e => e.Type == EventTypes.ProjectRated);
        Assert.Contains(h, e => e.Type == EventTypes.UnitRegistered && e.AgreementSignedAt is not null);
        Assert.Contains(h, e => e.MeetingKind == CoBuildingVocabulary.JointMeeting && e.AttendeeUnits is { Length: > 0 });
    }
}
