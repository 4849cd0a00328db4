using CityScreen.Contracts.Events;

namespace CityScreen.Simulator.Activities;

/// <summary>
/// Builds the activities of docs/domain.md §2 (member.checkin, volunteer.logged, points.awarded, meeting.held,
/// project.claimed / project.completed), drawing from the stream of the minute they fall in.
/// </summary>
internal sealed class ActivityFactory(SimulationContext context)
{
    private static readonly double[] VolunteerHalfHours = [8, 20, 15, 20, 8, 12, 5, 12];
    private static readonly double[] PointsFives = [20, 25, 12, 15, 6, 8, 3, 4, 2, 5];

    private GridRoster Roster => context.Roster;

    /// <summary>A check-in, a volunteer log or points for a resident, on a grid.</summary>
    public CityEvent Service(ref RandomStream r, long ticks, string stem)
    {
        var grid = Roster.PickGrid(ref r);
        var community = Roster.CommunityOf(grid);
        var e = Base(EventTypes.MemberCheckin, ticks, stem) with { GridId = Roster[grid].GridId };
        switch (r.Pick(ActivityRules.ServiceMix))
        {
            case 0:
                var member = PickMember(ref r, grid);
                return e with { MemberId = MemberOf(grid, member), UnitId = community.UnitOf(member) };
            case 1:
                e = e with { Type = EventTypes.VolunteerLogged, Hours = 0.5 * (1 + r.Pick(VolunteerHalfHours)) };
                return r.Chance(0.7)
                    ? e with { MemberId = MemberOf(grid, PickMember(ref r, grid)) }
                    : e with { TeamId = community.TeamId(r.Next(community.Teams)) };
            default:
                var residents = Math.Max(Roster[grid].Households, 50);
                return e with
                {
                    Type = EventTypes.PointsAwarded,
                    PersonId = $"{Roster[grid].GridId}-r{r.Next(residents):D4}",
                    Points = 5 * (1 + r.Pick(PointsFives)),
                };
        }
    }

    /// <summary>A meeting of a grid Party branch (网格党支部) or, for some, of the community committee (社区党委).</summary>
    public CityEvent Meeting(ref RandomStream r, long ticks, string stem)
    {
        var grid = Roster.PickGrid(ref r);
        var e = Base(EventTypes.MeetingHeld, ticks, stem) with
        {
            MeetingKind = ActivityRules.MeetingKinds[r.Pick(ActivityRules.MeetingKindWeights)],
        };
        return r.Chance(ActivityRules.CommunityLevelShare)
            ? e with { CommunityId = Roster.CommunityOf(grid).Id, OrgId = Roster.CommunityOf(grid).PartyCommittee }
            : e with { GridId = Roster[grid].GridId, OrgId = $"{Roster[grid].GridId}-dzb" };
    }

    /// <summary>A project claimed by a resident unit and, for most, its completion some days later.</summary>
    public (CityEvent Claimed, CityEvent? Completed) Project(ref RandomStream r, long ticks, string projectId)
    {
        var grid = Roster.PickGrid(ref r);
        var community = Roster.CommunityOf(grid);
        var claimed = Base(EventTypes.ProjectClaimed, ticks, projectId) with
        {
            ProjectId = projectId,
            UnitId = community.UnitId(r.Next(community.Units)),
        };
        claimed = r.Chance(ActivityRules.CommunityLevelShare)
            ? claimed with { CommunityId = community.Id }
            : claimed with { GridId = Roster[grid].GridId };
        if (!r.Chance(ActivityRules.ProjectCompletedShare)) return (claimed, null);

        var done = ticks + Ticks.Hours(r.Between(24, 144));
        var completed = claimed with
        {
            Id = context.EventId($"{projectId}-done"),
            Type = EventTypes.ProjectCompleted,
            OccurredAt = context.Clock.ToLocal(done),
            UnitId = null,
        };
        return (claimed, completed);
    }

    /// <summary>
    /// An in-service member (在职党员) serves in the grid where they registered, so the members
    /// expected of a grid bound its distinct serving members; about one in eight stays away.
    /// </summary>
    private int PickMember(ref RandomStream r, int grid) =>
        r.Next(Math.Max(1, (int)Math.Ceiling(Roster[grid].MembersExpected * ActiveMemberShare)));

    private string MemberOf(int grid, int member) => $"{Roster[grid].GridId}-m{member:D3}";

    private const double ActiveMemberShare = 0.88;

    private CityEvent Base(string type, long ticks, string stem) => new()
    {
        Id = context.EventId(stem),
        Type = type,
        OccurredAt = context.Clock.ToLocal(ticks),
        Source = context.Source,
    };
}
