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

    /// <summary>Residents of a grid who volunteer for 爱心积分: a few dozen regulars.</summary>
    private const int VolunteerPool = 40;

    private GridRoster Roster => context.Roster;

    /// <summary>A check-in, a volunteer log or points for a resident, on a grid.</summary>
    public CityEvent Service(ref RandomStream r, long ticks, string stem)
    {
        var grid = Roster.PickGrid(ref r);
        var community = Roster.CommunityOf(grid);
        var e = Base(EventTypes.MemberCheckin, ticks, stem) with { GridId = Roster[grid].GridId };
        switch (r.Pick(ActivityRules.ServiceMix))
        {
            // A member of the community's roster (the ids its orders and registrations use), serving
            // in whichever of its grids needs them: the community counts them once (PM01).
            case 0:
                var member = community.PickActiveMember(ref r);
                return e with { MemberId = community.MemberId(member), UnitId = community.UnitOf(member) };
            case 1:
                e = e with { Type = EventTypes.VolunteerLogged, Hours = 0.5 * (1 + r.Pick(VolunteerHalfHours)) };
                return r.Chance(0.7)
                    ? e with { MemberId = community.MemberId(community.PickActiveMember(ref r)) }
                    : e with { TeamId = community.TeamId(r.Next(community.Teams)) };
            default:
                // The grid's regular volunteers earn most (a skewed pick from its pool); a third of the
                // awards go to registered members, named by their registration, residents by the points system.
                var resident = (int)(r.NextDouble() * r.NextDouble() * Math.Min(Math.Max(Roster[grid].Households, 50), VolunteerPool));
                var points = 5 * (1 + r.Pick(PointsFives));
                var residentId = $"{Roster[grid].GridId}-r{resident:D4}";
                e = e with { Type = EventTypes.PointsAwarded, Points = points, Reason = "志愿服务" };
                if (GridPlaces.StableHash(stem) % 3 != 0) return e with { PersonId = residentId, Name = PersonNames.For(residentId) };
                var awardee = resident % community.RegisteredMembers;
                return e with { GridId = Community.HomeGrid(awardee, Roster.GridsOf(community)), PersonId = community.MemberId(awardee) };
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

    /// <summary>
    /// A need found on a visit, the project the community publishes for it, its claim by a resident
    /// unit hours later and, for most, its completion days after and a resident's rating: the same
    /// ids across the chain, each event at its own time.
    /// </summary>
    public IReadOnlyList<CityEvent> Project(ref RandomStream r, long ticks, string projectId)
    {
        var grid = Roster.PickGrid(ref r);
        var community = Roster.CommunityOf(grid);
        var category = CoBuildingVocabulary.Categories[r.Next(CoBuildingVocabulary.Categories.Count - 1)];
        var (needs, _) = CoBuildingNames.ByCategory[category];
        var needId = projectId.Replace("XM", "XQ", StringComparison.Ordinal);
        var need = Base(EventTypes.NeedListed, ticks, needId) with
        {
            GridId = Roster[grid].GridId, NeedId = needId, Category = category, Title = needs[r.Next(needs.Length)],
            Origin = CoBuildingVocabulary.NeedOrigins[r.Pick([0.5, 0.3, 0.2])],
        };
        var published = Base(EventTypes.ProjectPublished, ticks + Ticks.Minutes(20), projectId) with
        {
            CommunityId = community.Id, ProjectId = projectId, Title = need.Title + "项目", NeedIds = [needId], ResourceIds = [],
        };
        var unit = community.UnitId(r.Next(community.Units));
        var claimedAt = ticks + Ticks.Hours(r.Between(1, 48));
        var claimed = Base(EventTypes.ProjectClaimed, claimedAt, $"{projectId}-claim") with { CommunityId = community.Id, ProjectId = projectId, UnitId = unit };
        if (!r.Chance(ActivityRules.ProjectCompletedShare)) return [need, published, claimed];

        var done = claimedAt + Ticks.Hours(r.Between(24, 144));
        var completed = claimed with { Id = context.EventId($"{projectId}-done"), Type = EventTypes.ProjectCompleted, OccurredAt = context.Clock.ToLocal(done) };
        var rated = Base(EventTypes.ProjectRated, done + Ticks.Hours(r.Between(2, 48)), $"{projectId}-rated") with
        {
            CommunityId = community.Id, ProjectId = projectId, Score = r.Pick([0.03, 0.05, 0.12, 0.30, 0.50]) + 1,
        };
        return [need, published, claimed, completed, rated];
    }

    private CityEvent Base(string type, long ticks, string stem) => new()
    {
        Id = context.EventId(stem),
        Type = type,
        OccurredAt = context.Clock.ToLocal(ticks),
        Source = context.Source,
    };
}
